//! Slide templates for every slide kind, with fit-to-area text
//! (shrink to a minimum size, then continue on a "(cont.)" frame) and page numbers.

use super::fonts::{FontSet, Weight};
use super::linebreak::break_lines;
use std::collections::HashMap;
use std::rc::Rc;

use super::shape::{shape, Shaped};
use super::theme::Theme;
use super::{Frame, FrameItem, ImageItem, LinkItem, PlacedGlyph, RectItem, Rgb, TextRole, TextRun};
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
    /// Slide width in points.
    pub width: f32,
    /// Slide height in points.
    pub height: f32,
    /// Characters no font had, collected for warnings.
    pub missing: Vec<char>,
    /// The current slide's shaped texts by (text, weight). Fitting tries many sizes of
    /// the same text and shaping is size-independent (em units), so each text is shaped
    /// once per slide (shaping was most of the layout time). Cleared per slide.
    pub shapes: HashMap<(String, Weight), Rc<Shaped>>,
}

/// A paragraph shaped and broken at one size.
struct Para {
    shaped: Rc<Shaped>,
    lines: Vec<(usize, usize)>,
    size: f32,
}

impl Para {
    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.size * LINE_HEIGHT
    }
}

fn set_para(ctx: &mut Ctx, text: &str, weight: Weight, size: f32, width: f32) -> Para {
    let key = (text.to_string(), weight);
    let shaped = match ctx.shapes.get(&key) {
        Some(s) => Rc::clone(s),
        None => {
            let s = Rc::new(shape(text, weight, ctx.fonts, ctx.cjk));
            ctx.missing.extend_from_slice(&s.missing);
            ctx.shapes.insert(key, Rc::clone(&s));
            s
        }
    };
    let lines = break_lines(&shaped, width / size);
    Para {
        shaped,
        lines,
        size,
    }
}

fn new_frame(ctx: &Ctx) -> Frame {
    let theme = ctx.theme;
    Frame {
        width: ctx.width,
        height: ctx.height,
        items: vec![FrameItem::Rect(RectItem {
            x: 0.0,
            y: 0.0,
            w: ctx.width,
            h: ctx.height,
            fill: theme.background,
        })],
    }
}

/// Lays out one slide into one or more frames.
pub fn layout_slide(ctx: &mut Ctx, slide: &Slide) -> Vec<Frame> {
    ctx.shapes.clear();
    match slide.kind {
        SlideKind::Title => vec![title_slide(ctx, slide)],
        SlideKind::Bullets | SlideKind::Takeaways => bullet_slide(ctx, slide, Marker::Square),
        SlideKind::Agenda => bullet_slide(ctx, slide, Marker::Number),
        SlideKind::Sources => bullet_slide(ctx, slide, Marker::None),
        SlideKind::Quote => vec![quote_slide(ctx, slide)],
        SlideKind::Figures => vec![figures_slide(ctx, slide)],
        SlideKind::Chart => vec![chart_slide(ctx, slide)],
        SlideKind::Image => vec![image_slide(ctx, slide)],
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
    style: (Rgb, TextRole),
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
            style,
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
    (color, role): (Rgb, TextRole),
) {
    // Clusters never decrease, so the line's glyphs are one slice, found by binary
    // search (a scan per line made long paragraphs quadratic).
    let lo = shaped.glyphs.partition_point(|g| g.cluster < a);
    let hi = lo + shaped.glyphs[lo..].partition_point(|g| g.cluster < b);
    let glyphs: Vec<_> = (lo..hi).map(|gi| (gi, &shaped.glyphs[gi])).collect();
    let mut pen = x;
    let mut run: Option<TextRun> = None;
    for &(gi, g) in &glyphs {
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
            role,
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
            return balance(p, width);
        }
        if size <= min {
            return truncate(ctx, p, max_lines + 1, width);
        }
        size = (size - 2.0).max(min);
    }
}

/// Balanced line lengths for a title of two or more lines: the narrowest measure (found
/// by bisection, to 1 pt) at which greedy breaking still gives the same number of
/// lines, so a title breaks as "a title that / reads well" rather than "a title that
/// reads / well". `width` is the widest measure in points.
fn balance(p: Para, width: f32) -> Para {
    let n = p.lines.len();
    if n < 2 {
        return p;
    }
    let (mut lo, mut hi) = (width / n as f32 * 0.8, width);
    while hi - lo > 1.0 {
        let mid = (lo + hi) / 2.0;
        if break_lines(&p.shaped, mid / p.size).len() <= n {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let lines = break_lines(&p.shaped, hi / p.size);
    if n == 2 {
        if let Some(natural) = natural_break(&p, width) {
            return Para {
                lines: natural,
                ..p
            };
        }
    }
    if lines.len() == n {
        Para { lines, ..p }
    } else {
        p
    }
}

/// For a two-line CJK title: the most even break after a space or a phrase-ending
/// punctuation mark ("需要研究人员 / 怎样的…" rather than "需要研究 / 人员 怎样的…"),
/// when both lines fit in `width` points and the shorter is at least 40 % of the longer.
fn natural_break(p: &Para, width: f32) -> Option<Vec<(usize, usize)>> {
    let text = p.shaped.text.as_str();
    if !text.chars().any(crate::document::is_cjk) {
        return None;
    }
    let max = width / p.size;
    let mut best: Option<(f32, Vec<(usize, usize)>)> = None;
    for (i, c) in text.char_indices() {
        if !(c.is_whitespace() || "，,、：:；;？?！!）)".contains(c)) {
            continue;
        }
        let cut = i + c.len_utf8();
        let end1 = text[..cut].trim_end().len();
        let start2 = cut + (text[cut..].len() - text[cut..].trim_start().len());
        let end2 = text.trim_end().len();
        if end1 == 0 || start2 >= end2 {
            continue;
        }
        let (w1, w2) = (p.shaped.width(0, end1), p.shaped.width(start2, end2));
        if w1 > max || w2 > max || w1.min(w2) < 0.4 * w1.max(w2) {
            continue;
        }
        let score = (w1 - w2).abs();
        if best.as_ref().is_none_or(|b| score < b.0) {
            best = Some((score, vec![(0, end1), (start2, end2)]));
        }
    }
    best.map(|b| b.1)
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
            let shaped = Rc::new(shape(&full, Weight::Bold, ctx.fonts, ctx.cjk));
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
    let mut frame = new_frame(ctx);
    let width = ctx.width - 2.0 * theme.margin;
    let title = fit_title(ctx, &slide.title, theme.cover_size, width, 2);
    // Each line of the subtitle (an article subtitle over the byline) is set on its own
    // (the shaper drops the `\n`); two lines in all, one more when there are two parts.
    let parts: Vec<&str> = slide
        .subtitle
        .as_deref()
        .map(|s| {
            s.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let mut left = 2 + usize::from(parts.len() > 1);
    let mut subs = Vec::new();
    for part in parts {
        let p = set_para(ctx, part, Weight::Regular, 20.0, width);
        let keep = p.lines.len().min(left);
        left -= keep;
        if keep > 0 {
            subs.push(Para {
                lines: p.lines[..keep].to_vec(),
                ..p
            });
        }
    }
    let gap = 28.0;
    let sub_height: f32 = subs.iter().map(Para::height).sum();
    let block = title.height()
        + if subs.is_empty() {
            0.0
        } else {
            gap + sub_height
        };
    let top = ((ctx.height - block) / 2.0).max(theme.margin + 20.0);
    frame.items.push(FrameItem::Rect(RectItem {
        x: theme.margin,
        y: top - 26.0,
        w: 88.0,
        h: 6.0,
        fill: theme.accent,
    }));
    let n = title.lines.len();
    let mut y = draw_lines(
        ctx,
        &mut frame,
        &title,
        0..n,
        theme.margin,
        top,
        (theme.title, TextRole::Title),
    ) + gap;
    for s in &subs {
        let n = s.lines.len();
        y = draw_lines(
            ctx,
            &mut frame,
            s,
            0..n,
            theme.margin,
            y,
            (theme.muted, TextRole::Subtitle),
        );
    }
    frame
}

/// How list items are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// A small accent square.
    Square,
    /// The item's number, in the accent colour.
    Number,
    /// No marker.
    None,
}

fn bullet_slide(ctx: &mut Ctx, slide: &Slide, marker: Marker) -> Vec<Frame> {
    let theme = ctx.theme.clone();
    let text_x = theme.margin + if marker == Marker::None { 0.0 } else { 30.0 };
    // A picture on a bullet slide takes the right 40 % of the content width.
    let picture = slide
        .image
        .as_deref()
        .and_then(|src| super::image::probe_size(src).map(|(w, h)| (src, w, h)));
    let content_w = ctx.width - 2.0 * theme.margin;
    let picture_w = if picture.is_some() {
        (content_w * 0.4).floor()
    } else {
        0.0
    };
    let picture_gap = if picture.is_some() { 28.0 } else { 0.0 };
    let text_w = ctx.width - theme.margin - text_x - picture_w - picture_gap;
    let title_w = ctx.width - 2.0 * theme.margin;
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
    let body_bottom = ctx.height - theme.margin;

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
        if total <= avail {
            break paras;
        }
        if size <= min {
            // It continues on another slide anyway: continue at a comfortable size
            // (halfway between the smallest and largest) rather than the smallest.
            let readable = ((max + min) / 2.0).round().max(min);
            if readable > size {
                size = readable;
                break slide
                    .items
                    .iter()
                    .map(|it| set_para(ctx, &it.text, Weight::Regular, size, text_w))
                    .collect();
            }
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
    if let Some((src, px_w, px_h)) = picture {
        let area_x = ctx.width - theme.margin - picture_w;
        let area_h = body_bottom - y;
        let (x, _, w, h) =
            super::image::fit(px_w, px_h, (area_x, y, picture_w, area_h), MAX_IMAGE_SCALE);
        if w >= 1.0 && h >= 1.0 {
            frame.items.push(FrameItem::Image(ImageItem {
                x,
                y: y + ((area_h - h) / 2.0).max(0.0),
                w,
                h,
                src: src.to_string(),
                px_w,
                px_h,
                alt: String::new(),
            }));
        }
    }
    for (index, para) in paras.iter().enumerate() {
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
                // A fresh frame always takes a line, so pagination ends even when a
                // line is taller than the body area.
                fits.max(usize::from(at_top))
            };
            if take == 0 {
                frames.push(frame);
                frame = start_bullet_frame(ctx, &cont_title, title_top, &theme);
                y = body_top(&cont_title);
                continue;
            }
            if line == 0 {
                match marker {
                    Marker::Square => frame.items.push(FrameItem::Rect(RectItem {
                        x: theme.margin + 6.0,
                        y: y + para.size * (BASELINE - 0.36) - 4.0,
                        w: 8.0,
                        h: 8.0,
                        fill: theme.accent,
                    })),
                    Marker::Number => {
                        let num = set_para(
                            ctx,
                            &format!("{}", index + 1),
                            Weight::Bold,
                            para.size,
                            40.0,
                        );
                        draw_lines(
                            ctx,
                            &mut frame,
                            &num,
                            0..1,
                            theme.margin,
                            y,
                            (theme.accent, TextRole::Body),
                        );
                    }
                    Marker::None => {}
                }
            }
            let urls = find_urls(&para.shaped.text);
            if !urls.is_empty() {
                link_boxes(&mut frame, para, &urls, line..line + take, text_x, y);
            }
            y = draw_lines(
                ctx,
                &mut frame,
                para,
                line..line + take,
                text_x,
                y,
                (theme.body, TextRole::Body),
            );
            line += take;
        }
        y += gap;
    }
    frames.push(frame);
    frames
}

/// The largest size in `[min, max]` (steps of 2 pt) at which `text` takes at most
/// `max_lines` lines of `width`; at `min`, lines past `max_lines` are cut with "…".
fn fit_block(
    ctx: &mut Ctx,
    text: &str,
    weight: Weight,
    (max, min): (f32, f32),
    width: f32,
    max_lines: usize,
) -> Para {
    let mut size = max;
    loop {
        let p = set_para(ctx, text, weight, size, width);
        if p.lines.len() <= max_lines {
            return p;
        }
        if size <= min {
            let mut p = truncate(ctx, p, max_lines, width);
            if weight == Weight::Regular {
                p.shaped = Rc::new(shape(&p.shaped.text, Weight::Regular, ctx.fonts, ctx.cjk));
            }
            return p;
        }
        size = (size - 2.0).max(min);
    }
}

/// A slide title at the top with its accent rule; returns the frame and the y where the
/// body may start.
fn titled_frame(ctx: &mut Ctx, title: &str) -> (Frame, f32) {
    let theme = ctx.theme.clone();
    let title_w = ctx.width - 2.0 * theme.margin;
    let para = fit_title(ctx, title, theme.title_size, title_w, 2);
    let frame = start_bullet_frame(ctx, &para, 44.0, &theme);
    (frame, 44.0 + para.height() + 36.0)
}

fn quote_slide(ctx: &mut Ctx, slide: &Slide) -> Frame {
    let theme = ctx.theme.clone();
    let (mut frame, top) = titled_frame(ctx, &slide.title);
    let Some(item) = slide.items.first() else {
        return frame;
    };
    let bottom = ctx.height - theme.margin;
    let x = theme.margin + 56.0;
    let width = ctx.width - theme.margin - x;
    let speaker = item.label.as_deref().map(|s| {
        let dash = if ctx.cjk { "——" } else { "— " };
        set_para(ctx, &format!("{dash}{s}"), Weight::Regular, 20.0, width)
    });
    let speaker_h = speaker.as_ref().map_or(0.0, |p| 20.0 + p.height());
    // The quote shrinks until it fits above the speaker line.
    let (max, min) = (theme.body_size.0 + 6.0, theme.body_size.1);
    let avail = bottom - top - speaker_h;
    let mut size = max;
    // The big accent mark stands for the quotation marks of the text itself.
    let text = item
        .text
        .trim()
        .trim_start_matches(['“', '"', '「', '『', '«', '„'])
        .trim_end_matches(['”', '"', '」', '』', '»', '“'])
        .trim();
    let quote = loop {
        let p = set_para(ctx, text, Weight::Regular, size, width);
        if p.height() <= avail {
            break p;
        }
        if size <= min {
            let keep = ((avail / (size * LINE_HEIGHT)).floor() as usize).max(1);
            break truncate_regular(ctx, p, keep, width);
        }
        size = (size - 1.0).max(min);
    };
    // Centre the quote and speaker in the body area.
    let top = top + ((avail - quote.height()) / 2.0).max(0.0);
    // Large opening quotation mark in the accent colour.
    // The Latin face's mark, whose ink sits at the left of its box.
    let cjk = std::mem::replace(&mut ctx.cjk, false);
    let mark = set_para(ctx, "“", Weight::Bold, 72.0, 60.0);
    ctx.cjk = cjk;
    draw_lines(
        ctx,
        &mut frame,
        &mark,
        0..1,
        theme.margin - 4.0,
        top - 26.0,
        (theme.accent, TextRole::Body),
    );
    let n = quote.lines.len();
    let y = draw_lines(
        ctx,
        &mut frame,
        &quote,
        0..n,
        x,
        top,
        (theme.body, TextRole::Body),
    );
    if let Some(p) = speaker {
        let n = p.lines.len();
        draw_lines(
            ctx,
            &mut frame,
            &p,
            0..n,
            x,
            y + 20.0,
            (theme.muted, TextRole::Subtitle),
        );
    }
    frame
}

/// Like [`truncate`] but keeps the regular weight.
fn truncate_regular(ctx: &mut Ctx, p: Para, keep: usize, width: f32) -> Para {
    let mut t = truncate(ctx, p, keep, width);
    t.shaped = Rc::new(shape(&t.shaped.text, Weight::Regular, ctx.fonts, ctx.cjk));
    t.lines = break_lines(&t.shaped, width / t.size);
    t.lines.truncate(keep);
    t
}

fn figures_slide(ctx: &mut Ctx, slide: &Slide) -> Frame {
    let theme = ctx.theme.clone();
    let (mut frame, top) = titled_frame(ctx, &slide.title);
    let items: Vec<_> = slide.items.iter().take(4).collect();
    if items.is_empty() {
        return frame;
    }
    // Four figures on a 4:3 slide sit in a 2 × 2 grid, so each keeps a big size.
    let cols = if items.len() == 4 && ctx.width < 800.0 {
        2
    } else {
        items.len()
    };
    let rows = items.len().div_ceil(cols);
    let (label_sizes, label_lines) = if rows > 1 {
        ((18.0, 16.0), 2)
    } else {
        ((20.0, 16.0), 4)
    };
    let n = cols as f32;
    let gap = 32.0;
    let col_w = (ctx.width - 2.0 * theme.margin - gap * (n - 1.0)) / n;
    let bottom = ctx.height - theme.margin;
    // One size for every number: the largest at which each fits on one line (never
    // split "5.8 亿美元"); a number that fits on no line at the minimum takes two.
    let common = items
        .iter()
        .filter_map(|it| {
            let p = fit_block(ctx, &it.text, Weight::Bold, (48.0, 22.0), col_w, 1);
            // A number cut with "…" does not fit on one line at all: it takes two.
            (!p.shaped.text.ends_with('…') || it.text.ends_with('…')).then_some(p.size)
        })
        .fold(48.0f32, f32::min);
    // One size for every label too, so no label looks like small print next to its
    // neighbours; a label too long at that size is cut with "…".
    let label_size = items
        .iter()
        .filter_map(|it| it.label.as_deref())
        .map(|l| fit_block(ctx, l, Weight::Regular, label_sizes, col_w, label_lines).size)
        .fold(label_sizes.0, f32::min);
    let label_sizes = (label_size, label_size);
    let laid: Vec<(Para, Option<Para>)> = items
        .iter()
        .map(|it| {
            let one = set_para(ctx, &it.text, Weight::Bold, common, col_w);
            let big = if one.lines.len() <= 1 {
                one
            } else {
                fit_block(ctx, &it.text, Weight::Bold, (common, common), col_w, 2)
            };
            let label = it
                .label
                .as_deref()
                .map(|l| fit_block(ctx, l, Weight::Regular, label_sizes, col_w, label_lines));
            (big, label)
        })
        .collect();
    let block_h = laid
        .iter()
        .map(|(b, l)| b.height() + l.as_ref().map_or(0.0, |l| 12.0 + l.height()))
        .fold(0.0f32, f32::max);
    let row_gap = 40.0;
    let grid_h = block_h * rows as f32 + row_gap * (rows - 1) as f32;
    let grid_top = top + ((bottom - top - grid_h) / 2.0).max(0.0);
    for (i, (big, label)) in laid.iter().enumerate() {
        let (row, col) = (i / cols, i % cols);
        let x = theme.margin + col as f32 * (col_w + gap);
        let y0 = grid_top + row as f32 * (block_h + row_gap);
        frame.items.push(FrameItem::Rect(RectItem {
            x,
            y: y0 - 14.0,
            w: 40.0,
            h: 4.0,
            fill: theme.accent,
        }));
        let nl = big.lines.len();
        let y = draw_lines(
            ctx,
            &mut frame,
            big,
            0..nl,
            x,
            y0,
            (theme.title, TextRole::Body),
        );
        if let Some(l) = label {
            let nl = l.lines.len();
            draw_lines(
                ctx,
                &mut frame,
                l,
                0..nl,
                x,
                y + 12.0,
                (theme.muted, TextRole::Body),
            );
        }
    }
    frame
}

/// Formats a bar value: whole numbers without decimals and with thousands separators
/// from 10,000 on, others with up to two decimals.
fn format_value(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        let digits = format!("{}", v.round().abs() as u64);
        let sign = if v < 0.0 { "-" } else { "" };
        if digits.len() <= 4 {
            return format!("{sign}{digits}");
        }
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{sign}{out}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn chart_slide(ctx: &mut Ctx, slide: &Slide) -> Frame {
    let theme = ctx.theme.clone();
    let (mut frame, top) = titled_frame(ctx, &slide.title);
    let bars: Vec<_> = slide
        .items
        .iter()
        .filter(|i| i.value.is_some_and(|v| v.is_finite() && v >= 0.0))
        .take(8)
        .collect();
    if bars.is_empty() {
        return frame;
    }
    let bottom = ctx.height - theme.margin;
    let mut area_top = top;
    if let Some(unit) = slide.subtitle.as_deref() {
        let p = set_para(
            ctx,
            unit,
            Weight::Regular,
            16.0,
            ctx.width - 2.0 * theme.margin,
        );
        area_top = draw_lines(
            ctx,
            &mut frame,
            &p,
            0..1,
            theme.margin,
            top - 12.0,
            (theme.muted, TextRole::Subtitle),
        ) + 8.0;
    }
    let content_w = ctx.width - 2.0 * theme.margin;
    let label_w = content_w * 0.26;
    let value_w = 90.0;
    let bar_x = theme.margin + label_w + 16.0;
    let bar_max = content_w - label_w - 16.0 - value_w;
    let max = bars.iter().filter_map(|b| b.value).fold(0.0f64, f64::max);
    let slot = ((bottom - area_top) / bars.len() as f32).min(56.0);
    let size = (slot * 0.42).clamp(12.0, 20.0);
    for (i, bar) in bars.iter().enumerate() {
        let v = bar.value.unwrap_or(0.0);
        let y = area_top + i as f32 * slot;
        let bar_h = slot * 0.6;
        let len = if max > 0.0 {
            (v / max) as f32 * bar_max
        } else {
            0.0
        };
        frame.items.push(FrameItem::Rect(RectItem {
            x: bar_x,
            y: y + (slot - bar_h) / 2.0,
            w: len.max(2.0),
            h: bar_h,
            fill: theme.accent,
        }));
        let line_top = y + (slot - size * LINE_HEIGHT) / 2.0;
        let label = fit_block(ctx, &bar.text, Weight::Regular, (size, size), label_w, 1);
        draw_lines(
            ctx,
            &mut frame,
            &label,
            0..1,
            theme.margin,
            line_top,
            (theme.body, TextRole::Body),
        );
        let value = fit_block(
            ctx,
            &format_value(v),
            Weight::Bold,
            (size, 10.0),
            value_w,
            1,
        );
        draw_lines(
            ctx,
            &mut frame,
            &value,
            0..1,
            bar_x + len.max(2.0) + 8.0,
            line_top,
            (theme.title, TextRole::Body),
        );
    }
    frame
}

/// Most points per pixel a picture is enlarged to (small pictures stay small and sharp).
const MAX_IMAGE_SCALE: f32 = 1.5;

/// A figure scaled to fit under the title with its aspect ratio, its caption (at most two
/// lines, shrunk or cut to fit) centred under it, the pair centred in the body area. A
/// picture that cannot be read (missing, not PNG/JPEG/GIF/WebP, over
/// [`super::image::MAX_PIXELS`]) leaves the caption alone.
fn image_slide(ctx: &mut Ctx, slide: &Slide) -> Frame {
    let theme = ctx.theme.clone();
    let (mut frame, top) = titled_frame(ctx, &slide.title);
    let bottom = ctx.height - theme.margin;
    let width = ctx.width - 2.0 * theme.margin;
    let caption_text = slide.items.first().map_or("", |i| i.text.trim());
    let caption = (!caption_text.is_empty()).then(|| {
        fit_block(
            ctx,
            caption_text,
            Weight::Regular,
            (theme.body_size.1 + 2.0, 12.0),
            width,
            2,
        )
    });
    let gap = 14.0;
    let caption_h = caption.as_ref().map_or(0.0, |c| gap + c.height());
    let picture = slide
        .image
        .as_deref()
        .and_then(|src| super::image::probe_size(src).map(|(w, h)| (src, w, h)));
    let avail = (bottom - top - caption_h).max(0.0);
    let mut y = top;
    if let Some((src, px_w, px_h)) = picture {
        let (x, _, w, h) = super::image::fit(
            px_w,
            px_h,
            (theme.margin, top, width, avail),
            MAX_IMAGE_SCALE,
        );
        if w >= 1.0 && h >= 1.0 {
            y = top + (avail - h) / 2.0;
            frame.items.push(FrameItem::Image(ImageItem {
                x,
                y,
                w,
                h,
                src: src.to_string(),
                px_w,
                px_h,
                alt: caption_text.to_string(),
            }));
            y += h;
        }
    } else {
        // Caption only: centred in the body area.
        y = top + (avail / 2.0).max(0.0);
    }
    if let Some(c) = caption {
        let mut line_top = y + gap;
        for &(a, b) in &c.lines {
            let b = a + c.shaped.text[a..b].trim_end().len();
            let w = c.shaped.width(a, b) * c.size;
            let x = theme.margin + ((width - w) / 2.0).max(0.0);
            let baseline = line_top + c.size * BASELINE;
            emit_line(
                ctx,
                &mut frame,
                &c.shaped,
                a,
                b,
                x,
                baseline,
                c.size,
                (theme.muted, TextRole::Caption),
            );
            line_top += c.size * LINE_HEIGHT;
        }
    }
    frame
}

fn start_bullet_frame(ctx: &mut Ctx, title: &Para, top: f32, theme: &Theme) -> Frame {
    let mut frame = new_frame(ctx);
    let n = title.lines.len();
    let y = draw_lines(
        ctx,
        &mut frame,
        title,
        0..n,
        theme.margin,
        top,
        (theme.title, TextRole::Title),
    );
    frame.items.push(FrameItem::Rect(RectItem {
        x: theme.margin,
        y: y + 10.0,
        w: 64.0,
        h: 4.0,
        fill: theme.accent,
    }));
    frame
}

/// The notes pages of `slide` (shown on page `page`): headed "Notes · page N: title"
/// ("备注 · 第 N 页：title"), each paragraph of the notes (split at newlines) as a block
/// of body text without markers, continued on further pages when long.
pub fn notes_pages(ctx: &mut Ctx, slide: &Slide, page: usize) -> Vec<Frame> {
    let title = if ctx.cjk {
        format!("备注 · 第 {page} 页：{}", slide.title)
    } else {
        format!("Notes · page {page}: {}", slide.title)
    };
    let notes = Slide {
        kind: SlideKind::Sources,
        title,
        subtitle: None,
        items: slide
            .notes
            .split('\n')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| crate::deck::Item::bullet(p, Vec::new()))
            .collect(),
        notes: String::new(),
        image: None,
    };
    bullet_slide(ctx, &notes, Marker::None)
}

/// Byte ranges of the `http://` / `https://` URLs in `text` (up to whitespace or a
/// closing bracket, without trailing sentence punctuation).
pub fn find_urls(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = text[from..].find("http").map(|k| from + k) {
        let rest = &text[k..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            from = k + 4;
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || "<>\"）」』”】》".contains(c))
            .unwrap_or(rest.len());
        let url =
            rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '。', '，', '、']);
        if url.len() > "https://".len() {
            out.push((k, k + url.len()));
        }
        from = k + end.max(4);
    }
    out
}

/// `url` with every byte outside printable ASCII percent-encoded (RFC 3986 §2.1), as
/// PDF URI actions require 7-bit ASCII (ISO 32000-1 §12.6.4.7).
pub fn ascii_uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Link boxes for the parts of URLs on lines `range` of `para`, drawn from `x`, `top`.
fn link_boxes(
    frame: &mut Frame,
    para: &Para,
    urls: &[(usize, usize)],
    range: std::ops::Range<usize>,
    x: f32,
    top: f32,
) {
    let lh = para.size * LINE_HEIGHT;
    for (k, &(a, b)) in para.lines[range].iter().enumerate() {
        for &(u0, u1) in urls {
            let (s, e) = (a.max(u0), b.min(u1));
            if s >= e {
                continue;
            }
            let x0 = x + para.shaped.width(a, s) * para.size;
            let w = para.shaped.width(s, e) * para.size;
            frame.items.push(FrameItem::Link(LinkItem {
                x: x0,
                y: top + k as f32 * lh,
                w,
                h: lh,
                uri: ascii_uri(&para.shaped.text[u0..u1]),
            }));
        }
    }
}

/// Adds "n / total" at the bottom right, inside the safe area.
pub fn page_number(ctx: &mut Ctx, frame: &mut Frame, n: usize, total: usize) {
    let size = 12.0;
    let text = format!("{n} / {total}");
    let p = set_para(ctx, &text, Weight::Regular, size, 200.0);
    let w = p.shaped.width(0, p.shaped.text.len()) * size;
    let x = ctx.width - ctx.theme.margin - w;
    let baseline = ctx.height - SAFE_INSET - 8.0;
    let style = (ctx.theme.muted, TextRole::PageNumber);
    let len = p.shaped.text.len();
    emit_line(ctx, frame, &p.shaped, 0, len, x, baseline, size, style);
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
            width: 720.0,
            height: 540.0,
            missing: Vec::new(),
            shapes: HashMap::new(),
        };
        let long = "这是一个很长的句子，用来测试排版是否会把文字放到幻灯片之外。".repeat(6);
        let slide = Slide {
            kind: SlideKind::Bullets,
            title: "测试".into(),
            subtitle: None,
            items: (0..5).map(|_| Item::bullet(long.clone(), vec![])).collect(),
            notes: String::new(),
            image: None,
        };
        let frames = layout_slide(&mut ctx, &slide);
        assert!(frames.len() >= 2, "{} frames", frames.len());
        for f in &frames {
            for item in &f.items {
                if let FrameItem::Text(t) = item {
                    assert!(t.x0 >= SAFE_INSET && t.x1 <= 720.0 - SAFE_INSET, "{t:?}");
                    assert!(t.top >= SAFE_INSET && t.bottom <= 540.0 - SAFE_INSET);
                }
            }
        }
        let body_text: String = frames
            .iter()
            .flat_map(|f| &f.items)
            .filter_map(|i| match i {
                FrameItem::Text(t) if t.role == TextRole::Body => Some(t.text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(body_text.matches("幻灯片之外").count(), 30);
    }

    #[test]
    fn lines_taller_than_the_body_still_paginate() {
        // A theme that skipped validation: one body line is taller than the body area.
        let theme = Theme {
            body_size: (400.0, 300.0),
            ..Theme::light()
        };
        let mut ctx = Ctx {
            fonts: FontSet::bundled(),
            theme: &theme,
            cjk: false,
            width: 960.0,
            height: 540.0,
            missing: Vec::new(),
            shapes: HashMap::new(),
        };
        let slide = Slide {
            kind: SlideKind::Bullets,
            title: "Big".into(),
            subtitle: None,
            items: vec![Item::bullet("one two three", vec![])],
            notes: String::new(),
            image: None,
        };
        let frames = layout_slide(&mut ctx, &slide);
        assert!(
            !frames.is_empty() && frames.len() <= 20,
            "{} frames",
            frames.len()
        );
    }

    #[test]
    fn two_line_titles_are_balanced() {
        let fonts = FontSet::bundled();
        let theme = Theme::light();
        for (cjk, title) in [
            (
                false,
                "How the tidal library rises with the water every single morning of the year",
            ),
            (
                true,
                "潮汐图书馆如何在每天早上随着潮水一起升起而读者几乎感觉不到任何变化呢",
            ),
        ] {
            let mut ctx = Ctx {
                fonts,
                theme: &theme,
                cjk,
                width: 960.0,
                height: 540.0,
                missing: Vec::new(),
                shapes: HashMap::new(),
            };
            let width = 960.0 - 2.0 * theme.margin;
            let p = fit_title(&mut ctx, title, theme.title_size, width, 2);
            assert_eq!(p.lines.len(), 2, "{title}");
            let w: Vec<f32> = p.lines.iter().map(|&(a, b)| p.shaped.width(a, b)).collect();
            // Greedy filling would leave a short tail; balanced lines differ by little.
            assert!(w[1] / w[0] > 0.75 && w[0] / w[1] > 0.75, "{title}: {w:?}");
            let greedy = break_lines(&p.shaped, width / p.size);
            let gw: Vec<f32> = greedy.iter().map(|&(a, b)| p.shaped.width(a, b)).collect();
            assert!(
                gw[1] / gw[0] < 0.75,
                "test title should be unbalanced greedily: {gw:?}"
            );
        }
    }

    #[test]
    fn cjk_titles_break_at_a_space_or_punctuation_when_one_is_near_the_middle() {
        let theme = Theme::light();
        let mut ctx = Ctx {
            fonts: FontSet::bundled(),
            theme: &theme,
            cjk: true,
            width: 720.0,
            height: 540.0,
            missing: Vec::new(),
            shapes: HashMap::new(),
        };
        let title = "潮汐图书馆的读者们每天早上都会 发现书架上有哪些新的变化呢?";
        let p = fit_title(
            &mut ctx,
            title,
            theme.title_size,
            720.0 - 2.0 * theme.margin,
            2,
        );
        assert_eq!(p.lines.len(), 2);
        let first = &p.shaped.text[p.lines[0].0..p.lines[0].1];
        assert_eq!(
            first,
            "潮汐图书馆的读者们每天早上都会",
            "{p:?}",
            p = p.lines
        );
    }

    #[test]
    fn bar_values_are_readable() {
        assert_eq!(format_value(59.0), "59");
        assert_eq!(format_value(2024.0), "2024");
        assert_eq!(format_value(960000.0), "960,000");
        assert_eq!(format_value(1234567.0), "1,234,567");
        assert_eq!(format_value(12.5), "12.5");
    }
}
