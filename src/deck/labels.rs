//! The words the planner puts on slides (slide titles, source labels, byline prefixes) in the article's language: Chinese, Japanese, Korean or English.

/// The planner's own words for one language. `colon` is what follows a label on the
/// sources slide ("：" in Chinese and Japanese, ": " otherwise); `list` joins names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// Title of an untitled first section when the article has headings.
    pub intro: &'static str,
    /// Title of the one section of an article without headings.
    pub overview: &'static str,
    /// The agenda slide.
    pub agenda: &'static str,
    /// The closing summary slide.
    pub takeaways: &'static str,
    /// A section's figures slide.
    pub key_figures: &'static str,
    /// The sources slide.
    pub sources: &'static str,
    /// Sources slide labels: title, author, publisher, source, link, date, file.
    pub title: &'static str,
    /// See [`Labels::title`].
    pub author: &'static str,
    /// See [`Labels::title`].
    pub published_by: &'static str,
    /// See [`Labels::title`].
    pub source: &'static str,
    /// See [`Labels::title`].
    pub link: &'static str,
    /// See [`Labels::title`].
    pub date: &'static str,
    /// See [`Labels::title`].
    pub file: &'static str,
    /// Byline prefix before the authors ("By", "作者").
    pub by: &'static str,
    /// Byline prefix before the source ("Source:", "来源").
    pub from: &'static str,
    /// After a sources-slide label.
    pub colon: &'static str,
    /// Between names.
    pub list: &'static str,
}

/// English (also used for every language without its own labels).
pub const EN: Labels = Labels {
    intro: "Introduction",
    overview: "Overview",
    agenda: "Agenda",
    takeaways: "Key takeaways",
    key_figures: "Key figures",
    sources: "Sources",
    title: "Title",
    author: "Author",
    published_by: "Published by",
    source: "Source",
    link: "Link",
    date: "Date",
    file: "File",
    by: "By",
    from: "Source:",
    colon: ": ",
    list: ", ",
};

/// Chinese (Simplified forms; read by Traditional Chinese readers too).
pub const ZH: Labels = Labels {
    intro: "引言",
    overview: "概述",
    agenda: "目录",
    takeaways: "要点",
    key_figures: "关键数字",
    sources: "资料来源",
    title: "标题",
    author: "作者",
    published_by: "发布",
    source: "来源",
    link: "网址",
    date: "日期",
    file: "文件",
    by: "作者",
    from: "来源",
    colon: "：",
    list: "、",
};

/// Japanese.
pub const JA: Labels = Labels {
    intro: "はじめに",
    overview: "概要",
    agenda: "目次",
    takeaways: "まとめ",
    key_figures: "主な数字",
    sources: "出典",
    title: "タイトル",
    author: "著者",
    published_by: "発行",
    source: "出典",
    link: "リンク",
    date: "日付",
    file: "ファイル",
    by: "著者",
    from: "出典",
    colon: "：",
    list: "、",
};

/// Korean.
pub const KO: Labels = Labels {
    intro: "들어가며",
    overview: "개요",
    agenda: "목차",
    takeaways: "핵심 요약",
    key_figures: "주요 수치",
    sources: "출처",
    title: "제목",
    author: "글쓴이",
    published_by: "발행",
    source: "출처",
    link: "링크",
    date: "날짜",
    file: "파일",
    by: "글쓴이",
    from: "출처",
    colon: ": ",
    list: ", ",
};

/// The labels for a document language (the ISO 639-1 code the importer detected).
pub fn for_language(language: &str) -> &'static Labels {
    match language {
        "zh" => &ZH,
        "ja" => &JA,
        "ko" => &KO,
        _ => &EN,
    }
}

/// True when `title` is one the planner gives an untitled section, in any language
/// (such slides are not listed in the agenda).
pub fn is_untitled_section(title: &str) -> bool {
    [&EN, &ZH, &JA, &KO]
        .iter()
        .any(|l| title == l.intro || title == l.overview)
}
