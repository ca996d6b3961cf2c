//! The `distill` command line: a thin shell over the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use distill::{Error, ErrorKind, Options};

/// Distill turns an article (Markdown or plain text) into a presentation deck.
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
        /// The article (.md, .markdown, .txt), or a deck JSON to render as it is.
        input: PathBuf,
        /// Output file (.pdf or .json), or a folder with `--format svg`.
        #[arg(short, long)]
        output: PathBuf,
        /// Output format; by default taken from the output's extension.
        #[arg(long, value_enum)]
        format: Option<OutFormat>,
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
        /// Most bullets per slide.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u8).range(1..=12))]
        max_bullets: u8,
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
            theme,
            aspect,
            no_quotes,
            no_figures,
            no_charts,
            notes,
            max_bullets,
        } => {
            let opts = Options {
                max_bullets: max_bullets as usize,
                min_bullets: 3.min(max_bullets as usize),
                layout: distill::layout::LayoutOptions {
                    theme: distill::layout::theme::Theme::named_or_file(&theme)?,
                    aspect: distill::layout::Aspect::parse(&aspect).unwrap_or_default(),
                    notes,
                },
                extras: distill::deck::extras::Extras {
                    quotes: !no_quotes,
                    figures: !no_figures,
                    charts: !no_charts,
                },
            };
            convert(&input, &output, format, &opts)
        }
        Command::Inspect { input, verbose } => {
            let doc = distill::document_from_path(&input)?;
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

fn convert(
    input: &Path,
    output: &Path,
    format: Option<OutFormat>,
    opts: &Options,
) -> Result<(), Error> {
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
    let deck = if is_deck {
        distill::Deck::load(input)?
    } else {
        distill::deck_from_path(input, opts)?
    };
    match format {
        OutFormat::Svg => {
            let n = distill::export_svg(&deck, output, opts)?;
            eprintln!("wrote {n} SVG slides to {}", output.display());
            Ok(())
        }
        OutFormat::Pdf => {
            let report = distill::export_pdf(&deck, output, opts)?;
            for w in &report.warnings {
                eprintln!("distill: warning: {}: {w}", input.display());
            }
            eprintln!(
                "wrote {} ({} slides, {} bytes)",
                output.display(),
                report.pages,
                report.bytes
            );
            Ok(())
        }
        OutFormat::Json => {
            distill::export_json(&deck, output)?;
            eprintln!("wrote {} ({} slides)", output.display(), deck.slides.len());
            Ok(())
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
