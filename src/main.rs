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

#[derive(Subcommand)]
enum Command {
    /// Convert an article to a PDF deck (or to the deck model as JSON with `-o deck.json`).
    Convert {
        /// The article: .md, .markdown or .txt (UTF-8, with or without BOM).
        input: PathBuf,
        /// Output file; the extension picks the format: .pdf or .json.
        #[arg(short, long)]
        output: PathBuf,
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
            max_bullets,
        } => {
            let opts = Options {
                max_bullets: max_bullets as usize,
                min_bullets: 3.min(max_bullets as usize),
            };
            convert(&input, &output, &opts)
        }
        Command::Inspect { input, verbose } => {
            let doc = distill::document_from_path(&input)?;
            let mut value = serde_json::to_value(&doc).expect("document serialises");
            if !verbose {
                if let Some(obj) = value.as_object_mut() {
                    obj.remove("dropped");
                }
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&value).expect("json serialises")
            );
            Ok(())
        }
    }
}

fn convert(input: &Path, output: &Path, opts: &Options) -> Result<(), Error> {
    if same_file(input, output) {
        return Err(Error::new(output, ErrorKind::OutputIsInput));
    }
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let deck = distill::deck_from_path(input, opts)?;
    match ext.as_deref() {
        Some("pdf") => {
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
        Some("json") => {
            distill::export_json(&deck, output)?;
            eprintln!("wrote {} ({} slides)", output.display(), deck.slides.len());
            Ok(())
        }
        _ => Err(Error::new(output, ErrorKind::UnknownOutputFormat)),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
