//! PDF export with printpdf: one page per frame, text drawn as glyph ids with the text
//! of each cluster (so kerning survives and copy/search give the right characters),
//! fonts embedded as subsets, pictures as losslessly compressed image XObjects.

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, DictItem, ExternalStream, ExternalXObject,
    ImageCompression, ImageOptimizationOptions, LinkAnnotation, Mm, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, Px, RawImage, Rect, TextItem,
    TextMatrix, WindingOrder, XObject, XObjectId, XObjectTransform,
};

use crate::deck::DeckMeta;
use crate::layout::fonts::FontSet;
use crate::layout::{Frame, FrameItem, Rgb};

/// A picture at one drawn size: its file and the box's width and height (as bits).
type ImageKey = (String, u32, u32);
/// An embedded picture: its XObject and its size in pixels.
type Placed = (XObjectId, f32, f32);

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
    // Only the faces some text run uses are parsed: each CJK face is megabytes of tables,
    // and an English deck needs none of them.
    let mut used = vec![false; fonts.faces.len()];
    for frame in frames {
        for item in &frame.items {
            if let FrameItem::Text(run) = item {
                if let Some(u) = used.get_mut(run.font) {
                    *u = true;
                }
            }
        }
    }
    let font_ids: Vec<Option<printpdf::FontId>> = fonts
        .faces
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if !used[i] {
                return None;
            }
            // Fixed resource names (printpdf's `add_font` numbers fonts from a
            // process-wide counter, so a second export in one process would differ).
            ParsedFont::from_bytes(f.data, 0, &mut warnings).map(|p| {
                // Six capitals: printpdf takes the subset tag ("ABCDEF+Name", ISO
                // 32000-1 §9.6.4) from the first six characters of the id.
                let id = printpdf::FontId(format!("DSTLF{}", (b'A' + i as u8) as char));
                doc.resources
                    .fonts
                    .map
                    .insert(id.clone(), printpdf::PdfFont::new(p));
                id
            })
        })
        .collect();

    // Each picture is decoded once per drawn size and stored under a stable name
    // ("Im1", "Im2", … in order of first use), so the output stays byte-identical.
    let mut images: BTreeMap<ImageKey, Option<Placed>> = BTreeMap::new();
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
                    FrameItem::Link(l) => {
                        // A URI action over the link's box, without a visible border.
                        ops.push(Op::LinkAnnotation {
                            link: LinkAnnotation::new(
                                Rect {
                                    x: Pt(l.x),
                                    y: Pt(h - l.y - l.h),
                                    width: Pt(l.w),
                                    height: Pt(l.h),
                                    mode: None,
                                    winding_order: None,
                                },
                                Actions::uri(l.uri.clone()),
                                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                                Some(ColorArray::Transparent),
                                None,
                            ),
                        });
                    }
                    FrameItem::Image(im) => {
                        let key = (im.src.clone(), im.w.to_bits(), im.h.to_bits());
                        let next = images.len() + 1;
                        let entry = images.entry(key).or_insert_with(|| {
                            let id = XObjectId(format!("Im{next}"));
                            // A JPEG that needs no downscaling goes in as it is (no
                            // second lossy pass); everything else as lossless pixels.
                            if let Some(j) =
                                crate::export::raster::jpeg_passthrough(&im.src, im.w, im.h)
                            {
                                let (pw, ph) = (j.width as f32, j.height as f32);
                                doc.resources
                                    .xobjects
                                    .map
                                    .insert(id.clone(), jpeg_xobject(j));
                                return Some((id, pw, ph));
                            }
                            let img = crate::export::raster::load_for_box(&im.src, im.w, im.h)?;
                            let raw = RawImage::from_dynamic_image(img).ok()?;
                            let (pw, ph) = (raw.width as f32, raw.height as f32);
                            doc.resources
                                .xobjects
                                .map
                                .insert(id.clone(), XObject::Image(raw));
                            Some((id, pw, ph))
                        });
                        let Some((id, pw, ph)) = entry.clone() else {
                            continue;
                        };
                        // At 72 dpi one pixel is one point; scale that to the box.
                        ops.push(Op::UseXobject {
                            id,
                            transform: XObjectTransform {
                                translate_x: Some(Pt(im.x)),
                                translate_y: Some(Pt(h - im.y - im.h)),
                                rotate: None,
                                scale_x: Some(im.w / pw),
                                scale_y: Some(im.h / ph),
                                dpi: Some(72.0),
                                no_auto_scale: false,
                            },
                        });
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
        // Pictures are already downscaled by us (raster::MAX_DPI); printpdf must not
        // re-encode them as JPEG or shrink them to a byte budget. `None` would store raw
        // pixels uncompressed, so: lossless Flate, no resizing, no colour changes.
        image_optimization: Some(ImageOptimizationOptions {
            quality: None,
            max_image_size: None,
            dither_greyscale: Some(false),
            convert_to_greyscale: Some(false),
            auto_optimize: Some(false),
            format: Some(ImageCompression::Flate),
        }),
    };
    let mut save_warnings = Vec::new();
    let mut bytes = doc.save(&opts, &mut save_warnings);
    stable_document_id(&mut bytes);
    bytes
}

/// An image XObject holding a JPEG file's bytes with the DCTDecode filter.
fn jpeg_xobject(j: crate::export::raster::Jpeg) -> XObject {
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let mut dict = BTreeMap::new();
    dict.insert("Type".to_string(), name("XObject"));
    dict.insert("Subtype".to_string(), name("Image"));
    dict.insert("Width".to_string(), DictItem::Int(i64::from(j.width)));
    dict.insert("Height".to_string(), DictItem::Int(i64::from(j.height)));
    let space = if j.components == 1 {
        "DeviceGray"
    } else {
        "DeviceRGB"
    };
    dict.insert("ColorSpace".to_string(), name(space));
    dict.insert("BitsPerComponent".to_string(), DictItem::Int(8));
    dict.insert("Filter".to_string(), name("DCTDecode"));
    XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict,
            content: j.bytes,
            compress: false,
        },
        width: Some(Px(j.width as usize)),
        height: Some(Px(j.height as usize)),
        dpi: Some(72.0),
    })
}

/// Replaces the trailer's `/ID` strings (printpdf draws them from a process-wide
/// counter) with ones derived from the file's own bytes, so the same deck gives the
/// same PDF in any process. Same length, so no offset moves.
fn stable_document_id(bytes: &mut [u8]) {
    let Some(at) = bytes.windows(5).rposition(|w| w == b"/ID[(") else {
        return;
    };
    // FNV-1a over everything before the trailer's ID, seeded twice for two strings.
    let hash = |seed: u64| {
        bytes[..at]
            .iter()
            .fold(seed, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
    };
    let digest = [hash(0xcbf29ce484222325), hash(0x84222325cbf29ce4)];
    let mut i = at + 5;
    for d in digest {
        let start = i;
        let Some(len) = bytes[start..].iter().position(|&b| b == b')') else {
            return;
        };
        for k in 0..len {
            // Letters A–P, four bits each, cycling through the 64-bit digest.
            bytes[start + k] = b'A' + ((d >> ((k % 16) * 4)) & 0xF) as u8;
        }
        // Skip ")(" to the next string.
        i = start + len + 2;
        if bytes.get(start + len + 1) != Some(&b'(') {
            return;
        }
    }
}
