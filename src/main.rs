//! The `distill` command line: a thin shell over the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use distill::{Error, ErrorKind, Options};

/// Distill turns an article (Markdown, plain text or a saved web page) into a presentation deck.
#[derive(Parser)]
#[command(name = "distill", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What `convert` writes.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum OutFormat {
    /// A PDF deck.
    Pdf,
    /// The deck model as JSON.
    Json,
    /// One SVG per slide in the output folder.
    Svg,
}

#[derive(Subcommand)]
enum Command {
    /// Convert an article to a PDF deck (or to the deck model as JSON with `-o deck.json`).
    Convert {
        /// The article (.md, .markdown, .txt, .html, .htm), or a deck JSON to render as it is.
        input: PathBuf,
        /// Output file (.pdf or .json), or a folder with `--format svg`.
        #[arg(short, long)]
        output: PathBuf,
        /// Output format; by default taken from the output's extension.
        #[arg(long, value_enum)]
        format: Option<OutFormat>,
        #[command(flatten)]
        deck: DeckArgs,
    },
    /// Convert every article in a folder into OUT_DIR (a subfolder with one article file
    /// and its pictures is one article); lists each failure and exits 1 if any failed.
    Batch {
        /// The folder of articles.
        input_dir: PathBuf,
        /// The folder the decks are written to (created if missing).
        #[arg(short, long)]
        output: PathBuf,
        /// Output format of every deck.
        #[arg(long, default_value = "pdf", value_parser = ["pdf", "json"])]
        format: String,
        /// Conversions run at once (default: the number of cores).
        #[arg(short, long)]
        jobs: Option<std::num::NonZeroUsize>,
        #[command(flatten)]
        deck: DeckArgs,
    },
    /// Print the parsed document (meta, sections, blocks) as JSON.
    Inspect {
        /// The article.
        input: PathBuf,
        /// Also list every dropped line (byline, footer, placeholder) with its reason.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Print the analysis (ranked sentences, keyphrases, quotes, figures, series) as JSON.
    Analyse {
        /// The article.
        input: PathBuf,
    },
    /// Print the K most important sentences of the article, most important first.
    Summarize {
        /// The article.
        input: PathBuf,
        /// How many sentences.
        #[arg(short = 'k', long, default_value_t = 5)]
        sentences: usize,
        /// Print JSON: {"sentences": [{"text", "section", "heading", "score", "start", "end"}]}.
        #[arg(long)]
        json: bool,
    },
}

/// The options `convert` and `batch` share.
#[derive(clap::Args)]
struct DeckArgs {
    /// Theme: a built-in name (light, dark, warm) or a theme JSON file.
    #[arg(long, default_value = "light")]
    theme: String,
    /// Page shape: 16:9 or 4:3.
    #[arg(long, default_value = "16:9", value_parser = ["16:9", "4:3"])]
    aspect: String,
    /// No quote slides.
    #[arg(long)]
    no_quotes: bool,
    /// No key-figures slides.
    #[arg(long)]
    no_figures: bool,
    /// No chart slides.
    #[arg(long)]
    no_charts: bool,
    /// Speaker notes as notes pages after the slides (one per slide with notes).
    #[arg(long)]
    notes: bool,
    /// Most bullets per slide (1–12).
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u8).range(1..=12))]
    max_bullets: u8,
    /// Largest input file accepted, in bytes (20 MiB).
    #[arg(long, default_value_t = distill::limits::MAX_INPUT_BYTES)]
    max_input_bytes: u64,
}

impl DeckArgs {
    fn options(&self) -> Result<Options, Error> {
        let max_bullets = self.max_bullets as usize;
        Ok(Options {
            max_bullets,
            min_bullets: 3.min(max_bullets),
            layout: distill::layout::LayoutOptions {
                theme: distill::layout::theme::Theme::named_or_file(&self.theme)?,
                aspect: distill::layout::Aspect::parse(&self.aspect).unwrap_or_default(),
                notes: self.notes,
            },
            extras: distill::deck::extras::Extras {
                quotes: !self.no_quotes,
                figures: !self.no_figures,
                charts: !self.no_charts,
            },
        })
    }
}

/// Prints a line on stdout; a closed pipe (`distill inspect … | head`) ends the
/// output quietly instead of panicking.
fn out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = writeln!(stdout, "{text}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("distill: cannot write to stdout: {e}");
        std::process::exit(1);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("distill: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Convert {
            input,
            output,
            format,
            deck,
        } => {
            let opts = deck.options()?;
            for line in convert(&input, &output, format, &opts, deck.max_input_bytes)? {
                eprintln!("{line}");
            }
            Ok(())
        }
        Command::Batch {
            input_dir,
            output,
            format,
            jobs,
            deck,
        } => batch(&input_dir, &output, &format, jobs, &deck),
        Command::Inspect { input, verbose } => {
            let doc = distill::document_from_path(&input)?;
            for w in &doc.warnings {
                eprintln!("{}", warning_line(&input, w));
            }
            // Serialised straight from the structs so that keys keep their order
            // (meta, sections, dropped; a section's heading before its blocks).
            #[derive(serde::Serialize)]
            struct Brief<'a> {
                meta: &'a distill::document::Meta,
                sections: &'a [distill::document::Section],
            }
            let json = if verbose {
                serde_json::to_string_pretty(&doc)
            } else {
                serde_json::to_string_pretty(&Brief {
                    meta: &doc.meta,
                    sections: &doc.sections,
                })
            };
            out(&json.expect("json serialises"));
            Ok(())
        }
        Command::Analyse { input } => {
            let analysis = distill::analysis_from_path(&input)?;
            out(&serde_json::to_string_pretty(&analysis).expect("json serialises"));
            Ok(())
        }
        Command::Summarize {
            input,
            sentences,
            json,
        } => {
            let summary = distill::summarize(&input, sentences)?;
            if json {
                out(&serde_json::to_string_pretty(&summary).expect("json serialises"));
            } else {
                for (i, s) in summary.sentences.iter().enumerate() {
                    out(&format!("{}. {}", i + 1, s.text));
                }
            }
            Ok(())
        }
    }
}

/// How a warning line on stderr starts.
const WARNING: &str = "distill: warning:";

/// One warning line on stderr: "distill: warning: FILE: what".
fn warning_line(input: &Path, what: &str) -> String {
    format!("{WARNING} {}: {what}", input.display())
}

/// Converts one article; returns the lines to report on stderr (warnings, what was written).
fn convert(
    input: &Path,
    output: &Path,
    format: Option<OutFormat>,
    opts: &Options,
    max_input_bytes: u64,
) -> Result<Vec<String>, Error> {
    if same_file(input, output) {
        return Err(Error::new(output, ErrorKind::OutputIsInput));
    }
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match (format, ext.as_deref()) {
        (Some(f), _) => f,
        (None, Some("pdf")) => OutFormat::Pdf,
        (None, Some("json")) => OutFormat::Json,
        _ => return Err(Error::new(output, ErrorKind::UnknownOutputFormat)),
    };
    // A deck JSON (saved project or `-o deck.json`) is rendered as it is.
    let is_deck = input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let (deck, import_warnings) = if is_deck {
        (distill::Deck::load(input)?, Vec::new())
    } else {
        let source = distill::import::read_source_limited(input, max_input_bytes)?;
        distill::plan_source(&source, opts)?
    };
    let mut lines: Vec<String> = import_warnings
        .iter()
        .map(|w| warning_line(input, w))
        .collect();
    match format {
        OutFormat::Svg => {
            let n = distill::export_svg(&deck, output, opts)?;
            lines.push(format!("wrote {n} SVG slides to {}", output.display()));
            Ok(lines)
        }
        OutFormat::Pdf => {
            let report = distill::export_pdf(&deck, output, opts)?;
            lines.extend(report.warnings.iter().map(|w| warning_line(input, w)));
            lines.push(format!(
                "wrote {} ({} slides, {} bytes)",
                output.display(),
                report.pages,
                report.bytes
            ));
            Ok(lines)
        }
        OutFormat::Json => {
            distill::export_json(&deck, output)?;
            lines.push(format!(
                "wrote {} ({} slides)",
                output.display(),
                deck.slides.len()
            ));
            Ok(lines)
        }
    }
}

/// Converts every article of `input_dir` into `out_dir`, `jobs` at a time, with a
/// progress bar when stderr is a terminal; prints each article's warnings, one line per
/// failure and a summary.
fn batch(
    input_dir: &Path,
    out_dir: &Path,
    format: &str,
    jobs: Option<std::num::NonZeroUsize>,
    args: &DeckArgs,
) -> Result<(), Error> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;

    let opts = args.options()?;
    let out_format = if format == "json" {
        OutFormat::Json
    } else {
        OutFormat::Pdf
    };
    if out_dir.exists() && !out_dir.is_dir() {
        return Err(Error::new(out_dir, ErrorKind::NotADirectory));
    }
    std::fs::create_dir_all(out_dir).map_err(|e| {
        Error::new(
            out_dir,
            ErrorKind::Io {
                action: "write",
                source: e,
            },
        )
    })?;
    let plan = distill::batch::plan(input_dir, out_dir, format)?;
    let total = plan.jobs.len();
    let workers = jobs
        .map(std::num::NonZeroUsize::get)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .clamp(1, total.max(1));
    // indicatif draws nothing when stderr is not a terminal.
    let bar = indicatif::ProgressBar::new(total as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} {wide_msg}")
            .expect("valid template"),
    );
    let next = AtomicUsize::new(0);
    // Per article: its warning lines, or why it failed; `None` until converted.
    type Outcome = Option<Result<Vec<String>, Error>>;
    let results: Mutex<Vec<Outcome>> = Mutex::new((0..total).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = plan.jobs.get(i) else { break };
                bar.set_message(job.input.display().to_string());
                let r = convert(
                    &job.input,
                    &job.output,
                    Some(out_format),
                    &opts,
                    args.max_input_bytes,
                )
                .map(|lines| {
                    // Warnings only: the summary says what was written.
                    lines
                        .into_iter()
                        .filter(|l| l.starts_with(WARNING))
                        .collect()
                });
                results.lock().expect("no worker panics")[i] = Some(r);
                bar.inc(1);
            });
        }
    });
    bar.finish_and_clear();
    let results = results.into_inner().expect("no worker panics");
    for (path, why) in &plan.not_decks {
        eprintln!("distill: skipped: {}: {why}", path.display());
    }
    let mut failed = plan.problems.len();
    for p in &plan.problems {
        eprintln!("distill: failed: {p}");
    }
    for r in results.into_iter().flatten() {
        match r {
            Ok(warnings) => warnings.iter().for_each(|w| eprintln!("{w}")),
            Err(e) => {
                failed += 1;
                eprintln!("distill: failed: {e}");
            }
        }
    }
    let converted = total + plan.problems.len() - failed;
    eprintln!(
        "converted {converted} of {} articles into {} ({failed} failed, {} other files skipped)",
        total + plan.problems.len(),
        out_dir.display(),
        plan.skipped.len() + plan.not_decks.len()
    );
    if failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
