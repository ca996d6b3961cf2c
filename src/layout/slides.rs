//! Slide templates: the title slide and the bullet slide, with fit-to-area text
//! (shrink to a minimum size, then continue on a "(cont.)" frame) and page numbers.

use super::fonts::{FontSet, Weight};
use super::linebreak::break_lines;
use super::shape::{shape, Shaped};
use super::theme::Theme;
use super::{Frame, FrameItem, PlacedGlyph, RectItem, Rgb, TextRun, SLIDE_HEIGHT, SLIDE_WIDTH};
use crate::deck::{Slide, SlideKind};

/// Inset (points) of the safe area from every slide edge; nothing is drawn outside it
/// except the full-bleed background.
pub const SAFE_INSET: f32 = 24.0;
/// Line height as a multiple of the font size.
const LINE_HEIGHT: f32 = 1.4;
/// Baseline below the top of a line box, as a multiple of the font size.
const BASELINE: f32 = 1.08;

/// Shared state while laying out a deck.
pub struct Ctx<'a> {
    /// Fonts to shape with.
    pub fonts: &'a FontSet,
    /// Colours and sizes.
    pub theme: &'a Theme,
    /// The deck is Chinese (CJK punctuation forms, "（续）").
    pub cjk: bool,
    /// Characters no font had, collected for warnings.
    pub missing: Vec<char>,
}

/// A paragraph shaped and broken at one size.
struct Para {
    shaped: Shaped,
    lines: Vec<(usize, usize)>,
    size: f32,
}

impl Para {
    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.size * LINE_HEIGHT
    }
}

fn set_para(ctx: &mut Ctx, text: &str, weight: Weight, size: f32, width: f32) -> Para {
    let shaped = shape(text, weight, ctx.fonts, ctx.cjk);
    let lines = break_lines(&shaped, width / size);
    Para {
        shaped,
        lines,
        size,
    }
}

fn new_frame(theme: &Theme) -> Frame {
    Frame {
        width: SLIDE_WIDTH,
        height: SLIDE_HEIGHT,
        items: vec![FrameItem::Rect(RectItem {
            x: 0.0,
            y: 0.0,
            w: SLIDE_WIDTH,
            h: SLIDE_HEIGHT,
            fill: theme.background,
        })],
    }
}

/// Lays out one slide into one or more frames.
pub fn layout_slide(ctx: &mut Ctx, slide: &Slide) -> Vec<Frame> {
    match slide.kind {
        SlideKind::Title => vec![title_slide(ctx, slide)],
        SlideKind::Bullets => bullet_slide(ctx, slide),
    }
}

/// Draws lines `range` of `para` with their tops starting at `top`; returns the y below.
fn draw_lines(
    ctx: &mut Ctx,
    frame: &mut Frame,
    para: &Para,
    range: std::ops::Range<usize>,
    x: f32,
    top: f32,
    color: Rgb,
) -> f32 {
    let mut y = top;
    for &(a, b) in &para.lines[range] {
        let baseline = y + para.size * BASELINE;
        emit_line(
            ctx,
            frame,
            &para.shaped,
            a,
            b,
            x,
            baseline,
            para.size,
            color,
        );
        y += para.size * LINE_HEIGHT;
    }
    y
}

/// Emits the glyphs of bytes `[a, b)` as runs (one per font) on `baseline`.
#[allow(clippy::too_many_arguments)]
fn emit_line(
    ctx: &mut Ctx,
    frame: &mut Frame,
    shaped: &Shaped,
    a: usize,
    b: usize,
    x: f32,
    baseline: f32,
    size: f32,
    color: Rgb,
) {
    let glyphs: Vec<_> = shaped
        .glyphs
        .iter()
        .enumerate()
        .filter(|(_, g)| g.cluster >= a && g.cluster < b)
        .collect();
    let mut pen = x;
    let mut run: Option<TextRun> = None;
    for (k, &(gi, g)) in glyphs.iter().enumerate() {
        let first_of_cluster = gi == 0 || shaped.glyphs[gi - 1].cluster != g.cluster;
        let text = if first_of_cluster {
            let next = shaped.glyphs[gi + 1..]
                .iter()
                .map(|n| n.cluster)
                .find(|&c| c > g.cluster)
                .unwrap_or(shaped.text.len())
                .min(b);
            shaped.text[g.cluster..next.max(g.cluster)].to_string()
        } else {
            String::new()
        };
        if run.as_ref().is_some_and(|r| r.font != g.font) {
            frame
                .items
                .push(FrameItem::Text(run.take().expect("checked")));
        }
        let face = &ctx.fonts.faces[g.font];
        let r = run.get_or_insert_with(|| TextRun {
            font: g.font,
            size,
            baseline,
            top: baseline - face.ascent * size,
            bottom: baseline + face.descent * size,
            x0: pen,
            x1: pen,
            color,
            glyphs: Vec::new(),
            text: String::new(),
        });
        r.text.push_str(&text);
        r.glyphs.push(PlacedGlyph {
            id: g.id,
            x: pen + g.x_offset * size,
            dy: g.y_offset * size,
            text,
        });
        pen += g.advance * size;
        r.x1 = pen;
        let _ = k;
    }
    if let Some(r) = run {
        frame.items.push(FrameItem::Text(r));
    }
}

/// Shrinks a title from `max` to `min` size until it takes at most `max_lines` lines;
/// at the minimum size, lines past `max_lines + 1` are dropped and the last kept line
/// ends with "…".
fn fit_title(
    ctx: &mut Ctx,
    text: &str,
    (max, min): (f32, f32),
    width: f32,
    max_lines: usize,
) -> Para {
    let mut size = max;
    loop {
        let p = set_para(ctx, text, Weight::Bold, size, width);
        if p.lines.len() <= max_lines {
            return p;
        }
        if size <= min {
            return truncate(ctx, p, max_lines + 1, width);
        }
        size = (size - 2.0).max(min);
    }
}

fn truncate(ctx: &mut Ctx, p: Para, keep: usize, width: f32) -> Para {
    if p.lines.len() <= keep {
        return p;
    }
    let (a, mut b) = p.lines[keep - 1];
    let text = &p.shaped.text;
    loop {
        let candidate = format!("{}…", text[a..b].trim_end());
        let q = set_para(ctx, &candidate, Weight::Bold, p.size, width);
        if q.lines.len() <= 1 || b == a {
            let mut lines = p.lines[..keep - 1].to_vec();
            let head = text[..a].to_string();
            let full = format!("{head}{candidate}");
            let shaped = shape(&full, Weight::Bold, ctx.fonts, ctx.cjk);
            lines.push((a, full.len()));
            return Para {
                shaped,
                lines,
                size: p.size,
            };
        }
        b = text[..b]
            .char_indices()
            .next_back()
            .map_or(a, |(i, _)| i.max(a));
    }
}

fn title_slide(ctx: &mut Ctx, slide: &Slide) -> Frame {
    let theme = ctx.theme.clone();
    let mut frame = new_frame(&theme);
    let width = SLIDE_WIDTH - 2.0 * theme.margin;
    let title = fit_title(ctx, &slide.title, theme.cover_size, width, 2);
    let sub = slide
        .subtitle
        .as_deref()
        .map(|s| set_para(ctx, s, Weight::Regular, 20.0, width))
        .map(|p| {
            let keep = p.lines.len().min(2);
            Para {
                lines: p.lines[..keep].to_vec(),
                ..p
            }
        });
    let gap = 28.0;
    let block = title.height() + sub.as_ref().map_or(0.0, |s| gap + s.height());
    let top = ((SLIDE_HEIGHT - block) / 2.0).max(theme.margin + 20.0);
    frame.items.push(FrameItem::Rect(RectItem {
        x: theme.margin,
        y: top - 26.0,
        w: 88.0,
        h: 6.0,
        fill: theme.accent,
    }));
    let n = title.lines.len();
    let y = draw_lines(
        ctx,
        &mut frame,
        &title,
        0..n,
        theme.margin,
        top,
        theme.title,
    );
    if let Some(s) = sub {
        let n = s.lines.len();
        draw_lines(
            ctx,
            &mut frame,
            &s,
            0..n,
            theme.margin,
            y + gap,
            theme.muted,
        );
    }
    frame
}

fn bullet_slide(ctx: &mut Ctx, slide: &Slide) -> Vec<Frame> {
    let theme = ctx.theme.clone();
    let text_x = theme.margin + 30.0;
    let text_w = SLIDE_WIDTH - theme.margin - text_x;
    let title_w = SLIDE_WIDTH - 2.0 * theme.margin;
    let title = fit_title(ctx, &slide.title, theme.title_size, title_w, 2);
    let cont_title = {
        let suffix = if ctx.cjk { "（续）" } else { " (cont.)" };
        fit_title(
            ctx,
            &format!("{}{suffix}", slide.title),
            theme.title_size,
            title_w,
            2,
        )
    };
    let title_top = 44.0;
    let body_top = |t: &Para| title_top + t.height() + 36.0;
    let body_bottom = SLIDE_HEIGHT - theme.margin;

    // Shrink the body until every bullet fits on one frame, down to the minimum size.
    let avail = body_bottom - body_top(&title);
    let (max, min) = theme.body_size;
    let mut size = max;
    let paras = loop {
        let paras: Vec<Para> = slide
            .items
            .iter()
            .map(|it| set_para(ctx, &it.text, Weight::Regular, size, text_w))
            .collect();
        let gap = size * 0.6;
        let total: f32 = paras.iter().map(Para::height).sum::<f32>()
            + gap * paras.len().saturating_sub(1) as f32;
        if total <= avail || size <= min {
            break paras;
        }
        size = (size - 1.0).max(min);
    };
    let gap = size * 0.6;

    // Paginate: whole bullets while they fit; a bullet taller than a frame is split
    // between lines.
    let mut frames = Vec::new();
    let mut frame = start_bullet_frame(ctx, &title, title_top, &theme);
    let mut y = body_top(&title);
    for para in &paras {
        let mut line = 0;
        while line < para.lines.len() {
            let lh = para.size * LINE_HEIGHT;
            let fits = ((body_bottom - y) / lh).floor().max(0.0) as usize;
            let remaining = para.lines.len() - line;
            let at_top = y <= body_top(&cont_title).max(body_top(&title)) + 0.5;
            // Keep a bullet whole when it fits on a fresh frame.
            let take = if fits >= remaining {
                remaining
            } else if !at_top && remaining as f32 * lh <= body_bottom - body_top(&cont_title) {
                0
            } else {
                fits
            };
            if take == 0 {
                frames.push(frame);
                frame = start_bullet_frame(ctx, &cont_title, title_top, &theme);
                y = body_top(&cont_title);
                continue;
            }
            if line == 0 {
                frame.items.push(FrameItem::Rect(RectItem {
                    x: theme.margin + 6.0,
                    y: y + para.size * (BASELINE - 0.36) - 4.0,
                    w: 8.0,
                    h: 8.0,
                    fill: theme.accent,
                }));
            }
            y = draw_lines(
                ctx,
                &mut frame,
                para,
                line..line + take,
                text_x,
                y,
                theme.body,
            );
            line += take;
        }
        y += gap;
    }
    frames.push(frame);
    frames
}

fn start_bullet_frame(ctx: &mut Ctx, title: &Para, top: f32, theme: &Theme) -> Frame {
    let mut frame = new_frame(theme);
    let n = title.lines.len();
    let y = draw_lines(ctx, &mut frame, title, 0..n, theme.margin, top, theme.title);
    frame.items.push(FrameItem::Rect(RectItem {
        x: theme.margin,
        y: y + 10.0,
        w: 64.0,
        h: 4.0,
        fill: theme.accent,
    }));
    frame
}

/// Adds "n / total" at the bottom right, inside the safe area.
pub fn page_number(ctx: &mut Ctx, frame: &mut Frame, n: usize, total: usize) {
    let size = 12.0;
    let text = format!("{n} / {total}");
    let p = set_para(ctx, &text, Weight::Regular, size, 200.0);
    let w = p.shaped.width(0, p.shaped.text.len()) * size;
    let x = SLIDE_WIDTH - ctx.theme.margin - w;
    let baseline = SLIDE_HEIGHT - SAFE_INSET - 8.0;
    let color = ctx.theme.muted;
    let len = p.shaped.text.len();
    emit_line(ctx, frame, &p.shaped, 0, len, x, baseline, size, color);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Item;

    #[test]
    fn long_bullets_continue_on_a_second_frame_inside_the_safe_area() {
        let fonts = FontSet::bundled();
        let theme = Theme::light();
        let mut ctx = Ctx {
            fonts,
            theme: &theme,
            cjk: true,
            missing: Vec::new(),
        };
        let long = "这是一个很长的句子，用来测试排版是否会把文字放到幻灯片之外。".repeat(6);
        let slide = Slide {
            kind: SlideKind::Bullets,
            title: "测试".into(),
            subtitle: None,
            items: (0..5)
                .map(|_| Item {
                    text: long.clone(),
                    source: vec![],
                })
                .collect(),
            notes: String::new(),
        };
        let frames = layout_slide(&mut ctx, &slide);
        assert!(frames.len() >= 2, "{} frames", frames.len());
        for f in &frames {
            for item in &f.items {
                if let FrameItem::Text(t) = item {
                    assert!(
                        t.x0 >= SAFE_INSET && t.x1 <= SLIDE_WIDTH - SAFE_INSET,
                        "{t:?}"
                    );
                    assert!(t.top >= SAFE_INSET && t.bottom <= SLIDE_HEIGHT - SAFE_INSET);
                }
            }
        }
        let body_text: String = frames
            .iter()
            .flat_map(|f| &f.items)
            .filter_map(|i| match i {
                FrameItem::Text(t) if t.size < 25.0 => Some(t.text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(body_text.matches("幻灯片之外").count(), 30);
    }
}
