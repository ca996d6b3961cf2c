//! PDF export with printpdf: one page per frame, text drawn as glyph ids with the text
//! of each cluster (so kerning survives and copy/search give the right characters),
//! fonts embedded as subsets.

use printpdf::{
    Codepoint, Color, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Pt, Rect, TextItem, TextMatrix, WindingOrder,
};

use crate::deck::DeckMeta;
use crate::layout::fonts::FontSet;
use crate::layout::{Frame, FrameItem, Rgb};

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// Renders frames to PDF bytes. Page size is each frame's size in points; the PDF
/// info has the deck's title and byline as author; `bookmarks` are (1-based page,
/// title) outline entries. Output depends only on the input (no timestamps).
pub fn write_pdf(
    frames: &[Frame],
    meta: &DeckMeta,
    fonts: &FontSet,
    bookmarks: &[(usize, String)],
) -> Vec<u8> {
    let mut doc = PdfDocument::new(&meta.title);
    doc.metadata.info.author = meta.byline.clone().unwrap_or_default();
    doc.metadata.info.creator = "Distill".to_string();
    doc.metadata.info.producer = "Distill (printpdf)".to_string();
    doc.metadata.info.subject = meta.source.clone().unwrap_or_default();

    let mut warnings = Vec::new();
    let font_ids: Vec<Option<printpdf::FontId>> = fonts
        .faces
        .iter()
        .map(|f| ParsedFont::from_bytes(f.data, 0, &mut warnings).map(|p| doc.add_font(&p)))
        .collect();

    let pages = frames
        .iter()
        .map(|frame| {
            let h = frame.height;
            let mut ops = Vec::new();
            for item in &frame.items {
                match item {
                    FrameItem::Rect(r) => {
                        ops.push(Op::SetFillColor { col: color(r.fill) });
                        ops.push(Op::DrawRectangle {
                            rectangle: Rect {
                                x: Pt(r.x),
                                y: Pt(h - r.y - r.h),
                                width: Pt(r.w),
                                height: Pt(r.h),
                                mode: Some(PaintMode::Fill),
                                winding_order: Some(WindingOrder::NonZero),
                            },
                        });
                    }
                    FrameItem::Text(run) => {
                        let Some(Some(font)) = font_ids.get(run.font) else {
                            continue;
                        };
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(font.clone()),
                            size: Pt(run.size),
                        });
                        ops.push(Op::SetFillColor {
                            col: color(run.color),
                        });
                        for g in &run.glyphs {
                            ops.push(Op::SetTextMatrix {
                                matrix: TextMatrix::Translate(Pt(g.x), Pt(h - run.baseline + g.dy)),
                            });
                            ops.push(Op::ShowText {
                                items: vec![TextItem::GlyphIds(vec![Codepoint::with_cid(
                                    g.id,
                                    0.0,
                                    g.text.clone(),
                                )])],
                            });
                        }
                        ops.push(Op::EndTextSection);
                    }
                }
            }
            let mut page = PdfPage::new(Mm::from(Pt(frame.width)), Mm::from(Pt(frame.height)), ops);
            // Exact point sizes (the millimetre round trip adds 0.001 pt).
            let exact = Rect::from_wh(Pt(frame.width), Pt(frame.height));
            page.media_box = exact.clone();
            page.trim_box = exact.clone();
            page.crop_box = exact;
            page
        })
        .collect();
    doc.with_pages(pages);
    for (page, title) in bookmarks {
        doc.add_bookmark(title, *page);
    }
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut save_warnings = Vec::new();
    doc.save(&opts, &mut save_warnings)
}
