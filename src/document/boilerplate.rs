//! Recognises byline lines, image placeholders, site-footer lines and page chrome in any format.

use std::sync::LazyLock;

use regex::Regex;

/// What a line of text is, when it is not article content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineClass {
    /// A credit line: role ("作者", "编辑", "By" …) and the name(s).
    Credit {
        /// The role as written ("作者", "设计", "By").
        role: String,
        /// The name after the role.
        name: String,
    },
    /// "X 授权转载自 Y" / "来源: Y": publisher X (if any) and source Y.
    Reprint {
        /// Who reprinted the article (may be empty).
        publisher: String,
        /// Where it came from.
        source: String,
    },
    /// An image placeholder such as "(资料图)"; the reason is returned.
    Placeholder,
    /// A site footer line (copyright, ICP number, contact, keywords…); the reason.
    Footer(&'static str),
    /// A line naming several header items at once: credits, source, date
    /// ("作者：张三　编辑：李四", "2024-04-02 10:15 来源：某报 作者：张三", the WeChat
    /// header "原创 张三 某号 2024年03月08日 20:30").
    Header(HeaderLine),
    /// A line that opens the reader comments ("12 Comments", "Leave a comment",
    /// "写下你的留言", "网友评论"): in a page copy everything after it is comments.
    CommentsStart,
    /// Ordinary content.
    Content,
}

/// The parts of a [`LineClass::Header`] line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeaderLine {
    /// Credits as (role, name) in line order; author roles as [`CREDIT_ROLES`] writes
    /// them ("作者", "记者", "文") or "By".
    pub credits: Vec<(String, String)>,
    /// Who reprinted the article (the part before "授权转载自"), if named.
    pub publisher: Option<String>,
    /// Where the article comes from ("来源：X", "Source: X", a WeChat account name).
    pub source: Option<String>,
    /// The publication date (and time) as written, labels trimmed.
    pub date: Option<String>,
}

/// The [`LineClass::Footer`] reason of a date line ([`is_dateline`]).
pub const DATELINE: &str = "dateline: publication date or time";

const CREDIT_ROLES: &[&str] = &[
    "责任编辑",
    "作者",
    "编辑",
    "设计",
    "撰文",
    "文字",
    "摄影",
    "图片",
    "校对",
    "翻译",
    "编译",
    "出品",
    "策划",
    "监制",
    "记者",
    "通讯员",
    "实习生",
    "审核",
    "统筹",
    "插画",
    "制图",
    // Traditional Chinese forms.
    "責任編輯",
    "編輯",
    "記者",
    "攝影",
    // Japanese.
    "著者",
    "筆者",
    "執筆",
    "編集",
    "写真",
    "翻訳",
    // Korean.
    "글쓴이",
    "작성자",
    "기자",
    "편집",
    "사진",
    "文",
    "图",
];

/// English credit labels written with a colon ("Author: Ann Roe", "Photos: Bo Li") or
/// "by" ("Written by Ann Roe"), and the role each is recorded as ("By" for authors).
const EN_CREDIT_LABELS: &[(&str, &str)] = &[
    ("written by", "By"),
    ("words by", "By"),
    ("story by", "By"),
    ("authors:", "By"),
    ("author:", "By"),
    ("words:", "By"),
    ("reporter:", "By"),
    ("reporting by", "Reporting"),
    ("edited by", "Editor"),
    ("editor:", "Editor"),
    ("photos by", "Photos"),
    ("photographs by", "Photos"),
    ("photos:", "Photos"),
    ("photo:", "Photos"),
    ("photography:", "Photos"),
    ("illustrations by", "Illustrations"),
    ("illustration:", "Illustrations"),
];

/// Job titles that may follow a name in a "By" line ("By Ann Roe, Health Reporter"):
/// the part after the comma is then no second author.
const JOB_WORDS: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "columnist",
    "contributor",
    "journalist",
    "staff",
    "critic",
    "producer",
    "analyst",
    "photographer",
];

/// Labels of a source in a header line.
const SOURCE_LABELS: &[&str] = &["来源", "稿源", "出处", "Source"];

/// Labels of a date in a header line.
const DATE_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "更新时间",
    "时间",
    "日期",
    "last updated",
    "published",
    "updated",
    "posted",
    "modified",
    "date",
];

const FOOTER_MARKERS: &[(&str, &str)] = &[
    ("版权所有", "footer: copyright notice"),
    ("©", "footer: copyright notice"),
    ("copyright", "footer: copyright notice"),
    ("all rights reserved", "footer: copyright notice"),
    ("icp备", "footer: ICP licence number"),
    ("icp证", "footer: ICP licence number"),
    ("公网安备", "footer: public security registration number"),
    ("网站运营", "footer: site operator"),
    ("联系我们", "footer: contact line"),
    ("未经书面授权", "footer: copyright notice"),
    ("禁止转载", "footer: copyright notice"),
    ("关键词", "footer: keywords line"),
    ("相关阅读", "footer: related articles"),
    ("相关文章", "footer: related articles"),
    ("related articles", "footer: related articles"),
    ("分享到", "footer: share prompt"),
    ("转播到", "footer: share prompt"),
    ("未经授权，不得转载", "footer: copyright notice"),
    ("未经授权不得转载", "footer: copyright notice"),
    ("相关推荐", "footer: related articles"),
    ("推荐阅读", "footer: related articles"),
    ("精彩视频推荐", "footer: related articles"),
    ("热门评论", "footer: comment section"),
    ("我要跟帖", "footer: comment section"),
    ("往期推荐", "footer: related articles"),
    ("往期回顾", "footer: related articles"),
    ("往期精选", "footer: related articles"),
    ("喜欢此内容的人还喜欢", "footer: related articles"),
    ("如若转载", "footer: copyright notice"),
    ("分享给更多", "call to action (WeChat)"),
    ("点个在看", "call to action (WeChat)"),
    ("点亮在看", "call to action (WeChat)"),
    ("点击下方“在看”", "call to action (WeChat)"),
    ("转载请注明", "footer: copyright notice"),
    ("预览时标签不可点", "page widget (WeChat)"),
    ("继续滑动看下一个", "page widget (WeChat)"),
    ("向上滑动看下一个", "page widget (WeChat)"),
    ("轻触阅读原文", "page widget (WeChat)"),
    ("轻点两下取消", "page widget (WeChat)"),
];

/// Labels of a line naming the article a translation or reprint was made from ("文章翻译自：
/// https://…", "原文链接：…", "Originally published at …"): a note about the article.
const ORIGINAL_SOURCE_LABELS: &[&str] = &[
    "文章翻译自",
    "本文翻译自",
    "翻译自：",
    "翻译自:",
    "编译自：",
    "编译自:",
    "原文链接",
    "原文地址",
    "originally published at",
    "originally published on",
    "this article originally appeared",
    "this story originally appeared",
];

/// Openings of the reader polls under an article ("您认为这篇文章与…相关度高吗？", "Was this
/// article helpful?"); `lower` is the line in lower case. At most 80 characters.
fn is_feedback_poll(lower: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "您认为这篇文章",
        "你认为这篇文章",
        "这篇文章对您",
        "这篇文章对你",
        "本文对您",
        "本文对你",
        "was this article",
        "was this page",
        "was this helpful",
        "was this story",
        "did you find this",
        "is this article helpful",
        "how useful was",
    ];
    lower.chars().count() <= 80 && OPENINGS.iter().any(|o| lower.trim_start().starts_with(o))
}

/// Headings that announce related content, not the article ("你可能感兴趣的",
/// "Related articles"); matched case-insensitively at the start of a short heading.
const RELATED_HEADINGS: &[&str] = &[
    "你可能感兴趣",
    "猜你喜欢",
    "相关热文",
    "最新文章",
    "相关文章",
    "相关推荐",
    "推荐阅读",
    "热门文章",
    "热门推荐",
    "延伸阅读",
    "相关阅读",
    "相关新闻",
    "往期推荐",
    "往期回顾",
    "related articles",
    "related posts",
    "related stories",
    "read more",
    "more stories",
    "more from",
    "recommended",
    "you may also like",
    "you might also like",
    "popular posts",
    "发表评论",
    "网友评论",
    "评论",
    "comments",
    "leave a comment",
    "leave a reply",
];

/// Whole lines that are page controls or slot labels, never article text: an advert slot
/// label, a comment-form or comment-count link, a share prompt, a teaser label with
/// nothing after it. Compared after lowercasing and trimming punctuation, digits and
/// brackets ("12 Comments", "Post Comment (+)", "More:").
const CHROME_LABELS: &[&str] = &[
    "advertisement",
    "advert",
    "sponsored",
    "sponsored content",
    "comments",
    "comment",
    "post comment",
    "post a comment",
    "add comment",
    "add a comment",
    "leave a comment",
    "leave a reply",
    "view comments",
    "show comments",
    "join the conversation",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "sharing is caring",
    "more",
    "see more",
    "read more",
    "see also",
    "also read",
    "related",
    "don't miss",
    "don’t miss",
    "广告",
    "评论",
];

/// True for a line that is only a page control or slot label ([`CHROME_LABELS`]).
pub fn is_chrome_label(line: &str) -> bool {
    let l = line
        .trim_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_digit() || (c.is_ascii_punctuation() && c != '\'')
        })
        .to_lowercase();
    l.chars().count() <= 24 && CHROME_LABELS.contains(&l.as_str())
}

/// Headings that invite the reader to act (comment, sign up) rather than introduce text;
/// matched like [`RELATED_HEADINGS`].
const ENGAGEMENT_HEADINGS: &[&str] = &[
    "tell us what you think",
    "what do you think",
    "want more",
    "don't miss",
    "don’t miss",
    "related news",
    "related content",
    "related coverage",
    "related links",
    "more on this",
    "join the conversation",
];

/// True for a short heading that is page chrome: related content ([`is_related_heading`]),
/// an invitation to act ([`ENGAGEMENT_HEADINGS`]) or a bare label ([`is_chrome_label`]).
pub fn is_chrome_heading(heading: &str) -> bool {
    let h = heading.trim().to_lowercase();
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // "More great stories", "More from our newsroom": "more" and a word for other pages.
    let more = words.len() <= 6
        && words.first() == Some(&"more")
        && words.iter().any(|w| {
            matches!(
                *w,
                "stories" | "articles" | "news" | "reads" | "reading" | "videos" | "posts"
            )
        });
    is_related_heading(heading)
        || is_chrome_label(heading)
        || more
        || (h.chars().count() <= 40 && ENGAGEMENT_HEADINGS.iter().any(|m| h.starts_with(m)))
}

/// Labels of a picture credit ("Photo: Jane Roe", "Фото: личный архив", "Bild: dpa").
const PHOTO_LABELS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photography",
    "image",
    "images",
    "picture",
    "credit",
    "image credit",
    "photo credit",
    "фото",
    "foto",
    "fotos",
    "bild",
    "写真",
];

/// True for a picture credit or a news-agency production credit: a short line (≤ 8
/// words) that is a photo label and colon with at most the credited name after it
/// ([`PHOTO_LABELS`]), or a line opening with "(Reporting by" / "(Editing by" (the
/// wire-service credit at the foot of an agency story).
pub fn is_credit_line(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let inner = lower.trim_start_matches(['(', '[']);
    if inner.starts_with("reporting by ")
        || inner.starts_with("additional reporting by ")
        || inner.starts_with("editing by ")
    {
        return lower.split_whitespace().count() <= 60;
    }
    if lower.split_whitespace().count() > 8 {
        return false;
    }
    let Some(i) = inner.find([':', '：']) else {
        return false;
    };
    PHOTO_LABELS.contains(&inner[..i].trim())
}

/// Words naming what a writer does, as author bios put it ("… is a freelance writer").
const WRITER_ROLES: &[&str] = &[
    "writer",
    "reporter",
    "journalist",
    "editor",
    "correspondent",
    "columnist",
    "contributor",
    "author",
    "blogger",
    "curator",
    "freelancer",
    "producer",
    "critic",
];

/// True for an author bio: a short paragraph (≤ 50 words) opening with a capitalised name
/// of one to three words and then "is", with a writer role ([`WRITER_ROLES`]) in the
/// eight words after it: "Jane Roe is a freelance writer living in Leeds." Only
/// meaningful at the end of an article (the caller checks the position); English only.
pub fn is_author_bio(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 4 || words.len() > 50 {
        return false;
    }
    let Some(verb) = words.iter().take(4).position(|w| *w == "is") else {
        return false;
    };
    let name = &words[..verb];
    if name.is_empty()
        || !name.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || "'’.-".contains(c))
        })
    {
        return false;
    }
    words[verb..].iter().take(8).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let w = w.strip_suffix('s').unwrap_or(&w);
        WRITER_ROLES.contains(&w)
    })
}

/// Nouns a company describes itself with in a press release's boilerplate.
const COMPANY_NOUNS: &[&str] = &[
    "provider",
    "company",
    "manufacturer",
    "supplier",
    "developer",
    "leader",
    "maker",
    "firm",
    "corporation",
    "organization",
    "organisation",
    "platform",
    "retailer",
    "operator",
    "producer",
    "group",
];

/// Facts only a company's self-description states.
const COMPANY_FACTS: &[&str] = &[
    "headquartered in",
    "headquarters in",
    "employs",
    "employees in",
    "subsidiaries",
    "listed on",
    "founded in",
    "for more information",
];

/// True for a press-release company description ("X is a leading global provider of …"):
/// a paragraph opening with a capitalised name of one to four words, then "is a", "is an"
/// or "is the", with a company noun ([`COMPANY_NOUNS`]) in the twelve words after it.
/// English only.
pub fn is_company_description(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(verb) = words.iter().take(5).position(|w| *w == "is") else {
        return false;
    };
    if verb == 0
        || !words[..verb]
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        || !matches!(words.get(verb + 1), Some(&"a" | &"an" | &"the"))
    {
        return false;
    }
    words[verb + 2..].iter().take(12).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let w = w.strip_suffix('s').unwrap_or(&w);
        COMPANY_NOUNS.contains(&w)
    })
}

/// True when `text` states a fact of a company self-description ([`COMPANY_FACTS`]).
pub fn has_company_facts(text: &str) -> bool {
    let lower = text.to_lowercase();
    COMPANY_FACTS.iter().any(|f| lower.contains(f))
}

/// True for an affiliate-link disclosure, the notice shopping and blog posts carry under
/// consumer-protection rules ("This post may contain affiliate links", "We may earn a
/// commission from links on this page"): a paragraph of at most 50 words naming
/// affiliate links, or a commission earned from links or purchases. English only.
pub fn is_disclosure(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.split_whitespace().count() > 50 {
        return false;
    }
    (lower.contains("affiliate") && lower.contains("link"))
        || (lower.contains("commission")
            && (lower.contains("link") || lower.contains("purchase"))
            && (lower.contains("we ") || lower.contains("i ") || lower.contains("may earn")))
}

/// Imperatives that open a call to action: the site asking the reader to sign up, follow
/// or write in. "subscribe" is enough alone; the others need a channel word
/// ([`CHANNEL_WORDS`]) in the same paragraph ("Follow the money" is prose, and "Sign up
/// for an account" is a step of a how-to).
const CTA_OPENERS: &[(&str, bool)] = &[
    ("sign up", false),
    ("subscribe", true),
    ("follow", false),
    ("join", false),
    ("like us", false),
    ("click here", false),
    ("listen", false),
    ("download", false),
    ("have a tip", false),
    ("got a tip", false),
];

/// Where a call to action sends the reader.
const CHANNEL_WORDS: &[&str] = &[
    "newsletter",
    "newsletters",
    "inbox",
    "email",
    "e-mail",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "linkedin",
    "podcast",
    "podcasts",
    "forum",
    "forums",
    "whatsapp",
    "telegram",
    "app",
];

/// True for a short paragraph (≤ 60 words) that is the site's call to action, not article
/// text: one of its sentences opens with an imperative of [`CTA_OPENERS`] ("Sign up for
/// our newsletter", "Follow her on Twitter @…", "Join our forums").
/// The newsletter, follow and tip boxes that news pages put inside or under the article
/// (the "boilerplate phrase" class of jusText and trafilatura's discard rules). English
/// phrases only: other languages are left as they are.
pub fn is_call_to_action(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '@'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 60 {
        return false;
    }
    let channel = words.iter().any(|w| CHANNEL_WORDS.contains(w));
    lower
        .split(['.', '!', '?', '\n'])
        // A sentence opening with a quotation mark is someone's words, not the site's.
        .map(|s| s.trim_start_matches(|c: char| !c.is_alphanumeric() && !"\"“‘'«„".contains(c)))
        .any(|sentence| {
            CTA_OPENERS.iter().any(|&(opener, alone)| {
                sentence.starts_with(opener)
                    && !sentence[opener.len()..].starts_with(char::is_alphanumeric)
                    && (alone || channel)
            })
        })
}

/// True for a short heading that announces related content rather than article text.
pub fn is_related_heading(heading: &str) -> bool {
    let h = heading.trim().to_lowercase();
    h.chars().count() <= 24 && RELATED_HEADINGS.iter().any(|m| h.starts_with(m))
}

/// Classifies one line of text (already trimmed).
///
/// Credit and reprint lines are recognised only when short (≤ 40 characters; a line
/// naming several header items, ≤ 60), so a sentence that merely mentions an author
/// stays content; the page-chrome rules ([`chrome_reason`], [`is_comment_start`]) apply
/// to short standalone lines only.
pub fn classify(line: &str) -> LineClass {
    let line = line.trim();
    let chars = line.chars().count();
    if is_placeholder(line) {
        return LineClass::Placeholder;
    }
    let lower = line.to_lowercase();
    if chars <= 80 {
        for &(marker, reason) in FOOTER_MARKERS {
            if lower.contains(marker) {
                // "关键词" only as a label ("关键词:" / "关键词 >>"), not inside a sentence.
                if marker == "关键词" && !is_label(line, "关键词") {
                    continue;
                }
                // "Copyright" alone may be the topic; a notice carries a year.
                if marker == "copyright" && !line.chars().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                return LineClass::Footer(reason);
            }
        }
        if is_comment_start(line) {
            return LineClass::CommentsStart;
        }
    }
    if is_chrome_label(line) {
        return LineClass::Footer("page control or slot label");
    }
    if is_feedback_poll(&lower) {
        return LineClass::Footer("reader feedback poll");
    }
    if ORIGINAL_SOURCE_LABELS.iter().any(|l| lower.starts_with(l)) {
        return LineClass::Footer("source of the original article");
    }
    // "Photos: Bo Lind" in an article's header is a credit (below), elsewhere a picture
    // credit line.
    if is_credit_line(line) && !(chars <= 40 && en_credit(line).is_some()) {
        return LineClass::Footer("photo or wire-service credit");
    }
    if is_disclosure(line) {
        return LineClass::Footer("affiliate-link disclosure");
    }
    if is_call_to_action(line) {
        return LineClass::Footer("call to action (sign up, follow, tips)");
    }
    if is_dateline(line) {
        return LineClass::Footer(DATELINE);
    }
    if chars <= 80 {
        if let Some(reason) = chrome_reason(line) {
            return LineClass::Footer(reason);
        }
    }
    if chars > 60 {
        return LineClass::Content;
    }
    if let Some(h) = header_line(line) {
        let HeaderLine {
            credits,
            publisher,
            source,
            date,
        } = h.clone();
        return match (credits.len(), source, date) {
            (0, None, Some(_)) if publisher.is_none() => LineClass::Footer(DATELINE),
            (0, Some(source), None) => LineClass::Reprint {
                publisher: publisher.unwrap_or_default(),
                source,
            },
            (1, None, None) if publisher.is_none() && chars <= 40 => {
                let (role, name) = credits.into_iter().next().expect("one credit");
                LineClass::Credit { role, name }
            }
            (1, None, None) if publisher.is_none() => LineClass::Content,
            _ => LineClass::Header(h),
        };
    }
    if chars > 40 {
        return LineClass::Content;
    }
    if let Some((publisher, source)) = split_reprint(line) {
        return LineClass::Reprint { publisher, source };
    }
    if let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
    {
        if rest.split_whitespace().count() <= 6 && !rest.ends_with('.') {
            return LineClass::Credit {
                role: "By".into(),
                name: without_job_title(rest.trim()).to_string(),
            };
        }
    }
    if let Some((role, name)) = en_credit(line) {
        return LineClass::Credit { role, name };
    }
    LineClass::Content
}

/// An English credit label and the name after it ("Photos: Bo Lind" → ("Photos", "Bo Lind"),
/// [`EN_CREDIT_LABELS`]): at most six words, not a sentence; a job title after a comma is cut.
fn en_credit(line: &str) -> Option<(String, String)> {
    for &(label, role) in EN_CREDIT_LABELS {
        let Some(head) = line.get(..label.len()) else {
            continue;
        };
        if head.eq_ignore_ascii_case(label) {
            let name = line[label.len()..].trim_start_matches([':', ' ']).trim();
            if !name.is_empty() && name.split_whitespace().count() <= 6 && !name.ends_with('.') {
                return Some((role.into(), without_job_title(name).to_string()));
            }
        }
    }
    None
}

/// "Ann Roe, Health Reporter" → "Ann Roe": a comma-separated job title after a name.
fn without_job_title(name: &str) -> &str {
    match name.rsplit_once(',') {
        Some((who, title))
            if JOB_WORDS
                .iter()
                .any(|w| title.to_lowercase().split_whitespace().any(|t| t == *w)) =>
        {
            who.trim()
        }
        _ => name,
    }
}

/// A date written with numbers: `2024-05-12`, `2024/5/12`, `2024.05.12`, `2024年5月12日`
/// (or `2024年5月`), optionally followed by a clock time `08:30[:15]`. Group 1 is the date.
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\D)((?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2}|\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)",
    )
    .expect("valid date pattern")
});

/// The byte range of the first numeric date (with its time) in `s` ([`DATE_RE`]).
fn find_date(s: &str) -> Option<(usize, usize)> {
    DATE_RE
        .captures(s)
        .and_then(|c| c.get(1))
        .map(|m| (m.start(), m.end()))
}

/// Where a label of a header line starts: byte offset, offset after the label, kind.
#[derive(Debug, Clone, Copy)]
enum Label {
    Role(&'static str),
    Source,
    Reprint,
    Date,
}

/// The labels of a header line ("作者：", "编辑 ", "文/", "来源：", "发布时间：",
/// "授权转载自"), each at the start of the line or after a space or a bar, followed by
/// a separator (':' '：' '/' '|' or a space); "授权转载自" may follow its publisher.
fn label_starts(line: &str) -> Vec<(usize, usize, Label)> {
    static LABELS: LazyLock<Vec<(&'static str, Label)>> = LazyLock::new(|| {
        let mut labels: Vec<(&'static str, Label)> = Vec::new();
        labels.extend(CREDIT_ROLES.iter().map(|&r| (r, Label::Role(r))));
        labels.extend(SOURCE_LABELS.iter().map(|&r| (r, Label::Source)));
        labels.extend(DATE_LABELS.iter().map(|&r| (r, Label::Date)));
        // Longest first: "责任编辑" before "编辑".
        labels.sort_by_key(|(l, _)| std::cmp::Reverse(l.len()));
        labels
    });
    let labels = &*LABELS;
    let mut out = Vec::new();
    for marker in ["授权转载自", "转载自"] {
        if let Some(i) = line.find(marker) {
            out.push((i, i + marker.len(), Label::Reprint));
            break;
        }
    }
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        let boundary = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '|' | '｜' | '/'));
        prev = Some(c);
        if !boundary || out.iter().any(|&(s, e, _)| (s..e).contains(&i)) {
            continue;
        }
        for &(label, kind) in labels {
            let Some(rest) = line[i..].strip_prefix(label) else {
                continue;
            };
            let ascii = label.is_ascii();
            let sep = rest.chars().next();
            let ok = if ascii {
                matches!(sep, Some(':' | '：'))
            } else {
                matches!(sep, Some(':' | '：' | '/' | '|' | '｜' | ' ' | '\u{3000}'))
            };
            if ok {
                out.push((i, i + label.len(), kind));
                break;
            }
        }
    }
    out.sort_by_key(|&(s, _, _)| s);
    out
}

/// A header line's parts, when the whole line is made of them: an optional leading date,
/// then labelled credits, source and date ([`label_starts`]) — or the WeChat header
/// "原创 author account date". Each value is a short name (≤ 30 characters, no sentence
/// punctuation, not starting with a digit).
fn header_line(line: &str) -> Option<HeaderLine> {
    if let Some(h) = wechat_header(line) {
        return Some(h);
    }
    let starts = label_starts(line);
    let first = starts.first()?;
    let mut h = HeaderLine::default();
    let lead = line[..first.0].trim();
    if !lead.is_empty() {
        if matches!(first.2, Label::Reprint)
            && lead.chars().count() <= 20
            && find_date(lead).is_none()
        {
            h.publisher = Some(lead.to_string());
        } else if is_date_only(lead) {
            h.date = Some(date_value(lead));
        } else {
            return None;
        }
    }
    for (k, &(_, after, kind)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(line.len(), |n| n.0);
        let mut value = line[after..end]
            .trim_start_matches([':', '：', '/', '|', '｜'])
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '·'));
        if matches!(kind, Label::Date) {
            if !is_date_only(value) || h.date.is_some() {
                return None;
            }
            h.date = Some(value.to_string());
            continue;
        }
        // "来源：某报 2024-05-12": a date after the last value.
        if let Some((s, e)) = find_date(value) {
            if e == value.len() && s > 0 && h.date.is_none() {
                h.date = Some(value[s..].trim().to_string());
                value = value[..s].trim_end();
            }
        }
        let n = value.chars().count();
        if n == 0
            || n > 30
            || value.starts_with(|c: char| c.is_ascii_digit())
            || value.contains(['。', '！', '？', '；', '!', '?', ';'])
        {
            return None;
        }
        match kind {
            Label::Role(role) => h.credits.push((role.to_string(), value.to_string())),
            _ if h.source.is_some() => return None,
            _ => h.source = Some(value.to_string()),
        }
    }
    Some(h)
}

/// The WeChat (公众号) article header "原创 林某 某某观察 2024年03月08日 20:30 浙江": author
/// (when two names stand before the date), account (the source), date; a place name
/// after the date (the poster's region) is ignored.
fn wechat_header(line: &str) -> Option<HeaderLine> {
    let rest = line.strip_prefix("原创")?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (before, date, after) = match find_date(rest) {
        Some((s, e)) => (&rest[..s], Some(rest[s..e].trim()), &rest[e..]),
        None => (rest, None, ""),
    };
    let names: Vec<&str> = before.split_whitespace().collect();
    let plain = |t: &&str| t.chars().count() <= 16 && !t.contains(['。', '，', '！', '？', ',']);
    if names.is_empty()
        || names.len() > 3
        || !names.iter().all(plain)
        || after.split_whitespace().count() > 1
        || (date.is_none() && names.len() < 2)
    {
        return None;
    }
    let (author, account) = names.split_at(names.len() - 1);
    Some(HeaderLine {
        credits: if author.is_empty() {
            Vec::new()
        } else {
            vec![("作者".to_string(), author.join(" "))]
        },
        publisher: None,
        source: Some(account[0].to_string()),
        date: date.map(str::to_string),
    })
}

/// True when `s` is a date (and time) and nothing else: a numeric date ([`DATE_RE`])
/// filling it, or a dateline ([`is_dateline`]).
fn is_date_only(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && (find_date(s).is_some_and(|(a, b)| a == 0 && b == s.len()) || is_dateline(s))
}

/// A news page's unlabelled meta line under the headline: a few short words — author,
/// column, site — then the publication date ("李明 新闻 2025-09-05 12:00:01",
/// "王芳 | 科技频道 | 2024年3月8日"). Returns the author (the first of two or more words,
/// when it is 2–4 Han characters not ending like a column or outlet name: 频道, 网, 报 …)
/// and the date. `None` for anything else:
/// more than three words before the date, a word over 12 characters, sentence punctuation.
pub fn name_and_date_line(line: &str) -> Option<(Option<String>, String)> {
    let line = line.trim();
    if line.chars().count() > 60 || line.contains(['，', '。', '；', '！', '？', ',', '.', ';'])
    {
        return None;
    }
    let (start, _) = find_date(line)?;
    let (head, date) = (line[..start].trim(), line[start..].trim());
    if head.is_empty() || !is_date_only(date) {
        return None;
    }
    let words: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '·' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 3 || words.iter().any(|w| w.chars().count() > 12) {
        return None;
    }
    // The name comes first, before a column or site word; a lone word may be either.
    let first = words[0];
    let han = first
        .chars()
        .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let unit = ["频道", "新闻", "栏目", "专栏", "网", "报", "社", "台", "站"]
        .iter()
        .any(|u| first.ends_with(u));
    let name = (words.len() >= 2 && han && !unit && (2..=4).contains(&first.chars().count()))
        .then(|| first.to_string());
    Some((name, date.to_string()))
}

/// The date of a dateline as written, without its label ("发布时间：2024-05-12 08:30" →
/// "2024-05-12 08:30", "Published 14 May 2024, 18:02 BST" → "14 May 2024, 18:02 BST").
pub fn date_value(line: &str) -> String {
    let mut t = line.trim();
    loop {
        let before = t;
        for label in DATE_LABELS.iter().chain(&["on", "at"]) {
            if let Some(head) = t.get(..label.len()) {
                let rest = &t[label.len()..];
                if head.eq_ignore_ascii_case(label)
                    && (rest.is_empty() || rest.starts_with([':', '：', ' ', '\u{3000}']))
                {
                    t = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
                    break;
                }
            }
        }
        if t == before {
            break;
        }
    }
    t.trim().to_string()
}

/// English verbs and phrases of reader-comment section openers (matched whole, after
/// lower-casing and trimming a trailing colon).
static COMMENTS_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:\d+\s+)?(?:reader\s+)?comments?(?:\s*\(\d+\))?|comments?\s*[:：]?\s*\d+|\d+\s+(?:responses?|replies)(?:\s+to\s+.{1,60})?|(?:leave|post|add|write)\s+(?:a\s+)?(?:comment|reply)|(?:join|start)\s+the\s+(?:conversation|discussion)|(?:show|view|see|read|load)\s+(?:all\s+|more\s+)?(?:\d+\s+)?comments?|comments\s+are\s+closed\.?)$",
    )
    .expect("valid pattern")
});

/// Chinese comment-section openers: 评论 / 留言 / 跟帖 with the usual prefixes
/// ("写下你的留言", "网友评论", "精选留言", "全部评论(12)", "共12条评论").
static COMMENTS_ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:写下你的|写|发表|我要|查看更多|查看全部|共?\d+条)?(?:网友|读者|用户|精选|热门|最新|全部)?(?:评论|留言|跟帖)(?:区|列表)?\s*(?:[（(]\d+[)）]|\d+)?$",
    )
    .expect("valid pattern")
});

/// True for a short standalone line that opens the reader comments: "Comments (34)",
/// "12 Comments", "Leave a comment", "Join the conversation", "写下你的留言", "网友评论".
pub fn is_comment_start(line: &str) -> bool {
    let t = line
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    t.chars().count() <= 40 && (COMMENTS_EN.is_match(&t) || COMMENTS_ZH.is_match(&t))
}

/// True for a comment opener that is one bare word ("Comments", "评论", "留言"): it may
/// also be an article's own section heading (a guide's section on code comments), so
/// callers ask for more evidence before cutting there.
pub fn is_bare_comment_word(line: &str) -> bool {
    let t = line
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    matches!(
        t.as_str(),
        "comment" | "comments" | "评论" | "留言" | "跟帖" | "评论区"
    )
}

/// Words of share and reaction buttons, shown as one line in a page copy
/// ("分享 收藏 点赞 在看", "Reply · Like · Report").
const BUTTON_WORDS: &[&str] = &[
    "share",
    "tweet",
    "email",
    "print",
    "save",
    "like",
    "reply",
    "report",
    "comment",
    "comments",
    "follow",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "分享",
    "收藏",
    "点赞",
    "在看",
    "赞",
    "转发",
    "评论",
    "留言",
    "喜欢",
    "打赏",
    "举报",
    "回复",
    "微信",
    "微博",
    "qq空间",
    "qq",
    "朋友圈",
];

/// "阅读 1.2万", "Views 3,400", "在看 12": a read or like counter.
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:阅读|阅读量|浏览|在看|点赞|赞|views?|likes?|reads?)\s*[:：]?\s*\d[\d.,]*\s*(?:万|千|k|m)?\+?$")
        .expect("valid pattern")
});

/// The reason a short standalone line is page chrome, or `None`: a menu line of three
/// or more short items separated by `|` `｜` `·` `/` `•` or tabs ("Home | News | Sport");
/// share and reaction buttons ("Share this article", "Tweet", "分享 收藏 点赞 在看");
/// follow and newsletter prompts ("Follow us on …", "Sign up for our newsletter",
/// "点击下方名片，关注我们"); an "Advertisement" label; a tags line ("Tags: a, b"); a
/// contact line ("Contact us: …"); WeChat chrome ("END", "阅读原文", "阅读 1.2万").
pub fn chrome_reason(line: &str) -> Option<&'static str> {
    let t = line.trim();
    let lower = t.to_lowercase();
    let words = lower.split_whitespace().count();
    if is_menu_line(t) {
        return Some("navigation: menu line");
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '·' | '|' | '｜' | '/' | '•' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    let buttons = match tokens.len() {
        1 => matches!(
            tokens[0],
            "share" | "tweet" | "email" | "print" | "分享" | "分享至" | "转发" | "收藏"
        ),
        2..=8 => tokens.iter().all(|w| BUTTON_WORDS.contains(w)),
        _ => false,
    };
    if buttons {
        return Some("page widget: share and reaction buttons");
    }
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| lower.starts_with(p));
    // A share bar: "Share on Facebook  Share on X  Email" — every word a share word or
    // a channel.
    let share_bar = words <= 12
        && lower.starts_with("share ")
        && lower.split_whitespace().all(|w| {
            matches!(
                w,
                "share"
                    | "on"
                    | "via"
                    | "to"
                    | "this"
                    | "article"
                    | "story"
                    | "email"
                    | "e-mail"
                    | "print"
                    | "copy"
                    | "link"
                    | "facebook"
                    | "twitter"
                    | "x"
                    | "linkedin"
                    | "whatsapp"
                    | "reddit"
                    | "pinterest"
                    | "telegram"
                    | "weibo"
                    | "wechat"
                    | "messenger"
                    | "bluesky"
                    | "threads"
                    | "mastodon"
                    | "|"
                    | "·"
            )
        });
    if share_bar {
        return Some("share prompt");
    }
    if words <= 6
        && !lower.ends_with('.')
        && starts(&[
            "share this",
            "share on ",
            "share via ",
            "share to ",
            "share the ",
            "share article",
            "share story",
            "tweet this",
            "email this",
            "print this",
        ])
    {
        return Some("share prompt");
    }
    if words <= 12
        && starts(&[
            "follow us",
            "follow me on",
            "like us on",
            "find us on",
            "connect with us",
        ])
    {
        return Some("follow prompt");
    }
    if t.chars().count() <= 40
        && t.contains("关注")
        && ["我们", "公众号", "本号", "名片", "蓝字", "二维码", "星标"]
            .iter()
            .any(|w| t.contains(w))
        && !t.ends_with('。')
    {
        return Some("follow prompt");
    }
    if words <= 14
        && (lower.contains("newsletter") || lower.starts_with("subscribe"))
        && starts(&[
            "sign up",
            "subscribe",
            "get our",
            "get the",
            "join our",
            "receive our",
        ])
    {
        return Some("newsletter prompt");
    }
    let bare = lower.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '_' | '*' | '·')
    });
    if matches!(bare, "advertisement" | "sponsored content" | "广告") {
        return Some("advertisement label");
    }
    if matches!(bare, "end" | "the end") && t.chars().count() <= 12 {
        return Some("end mark (WeChat)");
    }
    if bare == "阅读原文" || COUNTER.is_match(bare) {
        return Some("page widget (WeChat)");
    }
    for label in ["tags", "tagged", "topics", "filed under", "标签", "关键字"] {
        if let Some(rest) = lower.strip_prefix(label) {
            if rest.trim_start().starts_with([':', '：']) {
                return Some("footer: keywords line");
            }
        }
    }
    if starts(&[
        "contact us",
        "email us",
        "投稿邮箱",
        "联系邮箱",
        "联系电话",
        "客服电话",
    ]) {
        return Some("footer: contact line");
    }
    None
}

/// A menu line: three or more short items (≤ 20 characters, ≤ 3 words, with a letter and
/// no punctuation) separated by `|` `｜` or tabs, or by a spaced `·` `/` `•` `»`.
fn is_menu_line(t: &str) -> bool {
    if t.contains('\n') || t.chars().count() > 120 {
        return false;
    }
    let items: Vec<&str> = if t.contains(['|', '｜', '\t']) {
        t.split(['|', '｜', '\t'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    } else {
        match [" · ", " / ", " • ", " » ", " › "]
            .into_iter()
            .find(|s| t.contains(s))
        {
            Some(sep) => t
                .split(sep)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect(),
            None => return false,
        }
    };
    items.len() >= 3
        && items.iter().all(|it| {
            it.chars().count() <= 20
                && it.split_whitespace().count() <= 3
                && it.chars().any(char::is_alphabetic)
                && !it.contains([
                    '。', '，', ',', '.', '!', '?', '！', '？', ':', '：', ';', '；',
                ])
        })
}

/// Words of a date line besides numbers: English month and weekday names (full and
/// abbreviated), clock words, common time-zone abbreviations and the labels news pages
/// put before a date.
const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "hst",
    "et",
    "pt",
    "updated",
    "published",
    "posted",
    "modified",
    "last",
    "on",
    "at",
    "by",
    "and",
];

/// True for a short line that is only a publication date/time, possibly with its label
/// and a short byline ("Updated 5:27 am CST, Wednesday, November 20, 2019",
/// "PUBLISHED: 10:48, Tue, Nov 19, 2019", "By Ann Roe - 11/18/19 11:04 PM EST"): it
/// carries a year or a clock time, and at most one other word (three after "By").
pub fn is_dateline(line: &str) -> bool {
    // "— Name (@handle) October 9, 2018" attributes a quoted post: it is content.
    if line.chars().count() > 100 || line.starts_with(['—', '–', '-', '―']) {
        return false;
    }
    // A Chinese sentence that opens with a date ("2024年3月8日，公司宣布…") is content:
    // a date line has no CJK punctuation and few CJK characters besides the date.
    if line.contains(['，', '。', '；', '！', '？', '、']) {
        return false;
    }
    // A numeric date ("2024-05-12", "2024年3月8日 20:30") counts as year and date.
    let numeric = find_date(line);
    let lower = match numeric {
        Some((s, e)) => format!("{} {}", &line[..s], &line[e..]).to_lowercase(),
        None => line.to_lowercase(),
    };
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year = numeric.is_some()
        || words.iter().any(|w| {
            w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.chars().all(|c| c.is_ascii_digit())
        });
    let clock = line
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    let month = words.iter().any(|w| DATE_WORDS[..23].contains(w));
    let numeric_date = numeric.is_some()
        || line.as_bytes().windows(3).any(|w| {
            w[0].is_ascii_digit() && (w[1] == b'/' || w[1] == b'.') && w[2].is_ascii_digit()
        });
    if !(year || clock) || !(month || numeric_date || clock) {
        return false;
    }
    let other = words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) && !DATE_WORDS.contains(w))
        .filter(|w| {
            !(w.ends_with("th") || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd"))
                || !w.starts_with(|c: char| c.is_ascii_digit())
        })
        .count();
    let allowed = if words.first() == Some(&"by") { 3 } else { 1 };
    let cjk = lower.chars().filter(|c| super::is_cjk(*c)).count();
    other <= allowed && cjk <= 6
}

/// `label` followed by ':' '：' '/' '｜' or a space, with the value after it.
fn label_value(line: &str, label: &str) -> Option<String> {
    let rest = line.strip_prefix(label)?;
    let mut chars = rest.chars();
    let sep = chars.next()?;
    if matches!(sep, ':' | '：' | '/' | '|' | '｜' | ' ' | '\u{3000}') {
        Some(chars.as_str().trim().to_string())
    } else {
        None
    }
}

fn is_label(line: &str, label: &str) -> bool {
    let rest = match line.strip_prefix(label) {
        Some(r) => r.trim_start(),
        None => return false,
    };
    rest.is_empty() || rest.starts_with([':', '：', '>', '》', '|', '｜'])
}

fn split_reprint(line: &str) -> Option<(String, String)> {
    for marker in ["授权转载自", "转载自", "授权转载"] {
        if let Some(i) = line.find(marker) {
            let publisher = line[..i].trim().to_string();
            let source = line[i + marker.len()..]
                .trim_start_matches([':', '：', ' '])
                .trim()
                .to_string();
            if !source.is_empty() {
                return Some((publisher, source));
            }
        }
    }
    for label in ["来源", "Source"] {
        if let Some(v) = label_value(line, label) {
            if !v.is_empty() {
                return Some((String::new(), v));
            }
        }
    }
    None
}

/// "(资料图)", "（图片来源：…）", "[图片]", "图片来源: …" and similar.
fn is_placeholder(line: &str) -> bool {
    let inner = line
        .trim_start_matches(['(', '（', '[', '【'])
        .trim_end_matches([')', '）', ']', '】']);
    let bracketed = inner.len() != line.len();
    let short = inner.chars().count() <= 30;
    short
        && (inner == "资料图"
            || inner == "图片"
            || inner == "配图"
            || inner == "视频"
            || (bracketed && (inner.starts_with("图片来源") || inner.starts_with("图源")))
            || inner.starts_with("图片来源：")
            || inner.starts_with("图片来源:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_and_reprints() {
        assert_eq!(
            classify("作者:张三"),
            LineClass::Credit {
                role: "作者".into(),
                name: "张三".into()
            }
        );
        assert_eq!(
            classify("甲报授权转载自乙社"),
            LineClass::Reprint {
                publisher: "甲报".into(),
                source: "乙社".into()
            }
        );
        assert_eq!(
            classify("By Jane Roe"),
            LineClass::Credit {
                role: "By".into(),
                name: "Jane Roe".into()
            }
        );
    }

    #[test]
    fn footers_and_placeholders() {
        assert_eq!(classify("(资料图)"), LineClass::Placeholder);
        assert_eq!(classify("（资料图）"), LineClass::Placeholder);
        assert!(matches!(
            classify("京ICP备00000000号-1"),
            LineClass::Footer(_)
        ));
        assert!(matches!(classify("关键词:"), LineClass::Footer(_)));
        assert!(matches!(
            classify("某网 版权所有©2001"),
            LineClass::Footer(_)
        ));
        assert!(is_dateline(
            "Updated 5:27 am CST, Wednesday, November 20, 2019"
        ));
        assert!(is_dateline("PUBLISHED: 10:48, Tue, Nov 19, 2019"));
        assert!(is_dateline("By Ann Roe - 11/18/19 11:04 PM EST"));
        assert!(!is_dateline(
            "The vote was held on November 20, 2019 in Paris."
        ));
        assert!(!is_dateline("Results for 2019"));
        // A sentence that mentions keywords is content.
        assert_eq!(classify("关键词的选择决定了结果。"), LineClass::Content);
        assert_eq!(
            classify("文化是一个国家的灵魂，也是一个城市的名片。"),
            LineClass::Content
        );
    }

    #[test]
    fn combined_header_lines_are_split_into_their_parts() {
        let credits = |line: &str| match classify(line) {
            LineClass::Header(h) => h.credits,
            other => panic!("{line}: {other:?}"),
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            credits("作者：周乙\u{3000}编辑：陈甲"),
            [pair("作者", "周乙"), pair("编辑", "陈甲")]
        );
        assert_eq!(
            credits("作者：周乙 编辑：陈甲"),
            [pair("作者", "周乙"), pair("编辑", "陈甲")]
        );
        assert_eq!(
            credits("文/张丙 图/李丁"),
            [pair("文", "张丙"), pair("图", "李丁")]
        );
        assert_eq!(
            credits("记者 王戊 通讯员 赵己"),
            [pair("记者", "王戊"), pair("通讯员", "赵己")]
        );
        assert_eq!(
            classify("2023-11-05 14:20 来源：某市日报 作者：钱庚"),
            LineClass::Header(HeaderLine {
                credits: vec![pair("作者", "钱庚")],
                publisher: None,
                source: Some("某市日报".into()),
                date: Some("2023-11-05 14:20".into()),
            })
        );
        assert_eq!(
            classify("2023-11-05 14:20  来源：某市日报"),
            LineClass::Header(HeaderLine {
                credits: Vec::new(),
                publisher: None,
                source: Some("某市日报".into()),
                date: Some("2023-11-05 14:20".into()),
            })
        );
        // The WeChat header: 原创, author, account, date, region.
        assert_eq!(
            classify("原创 孙辛 山城笔记 2023年07月15日 09:05 重庆"),
            LineClass::Header(HeaderLine {
                credits: vec![pair("作者", "孙辛")],
                publisher: None,
                source: Some("山城笔记".into()),
                date: Some("2023年07月15日 09:05".into()),
            })
        );
        // One role stays a plain credit; a figure label or a sentence is content.
        assert_eq!(
            classify("编辑 陈甲"),
            LineClass::Credit {
                role: "编辑".into(),
                name: "陈甲".into()
            }
        );
        assert_eq!(classify("图 1 城区人口的变化"), LineClass::Content);
        assert_eq!(
            classify("记者从市教育局获悉，今年秋季将新增三所小学。"),
            LineClass::Content
        );
        assert_eq!(
            classify("原创 是一种态度，也是一种责任。"),
            LineClass::Content
        );
    }

    #[test]
    fn english_bylines_and_date_values() {
        let credit = |line: &str| match classify(line) {
            LineClass::Credit { role, name } => (role, name),
            other => panic!("{line}: {other:?}"),
        };
        assert_eq!(
            credit("By Ann Roe, Science Correspondent"),
            ("By".into(), "Ann Roe".into())
        );
        assert_eq!(credit("Author: Ann Roe"), ("By".into(), "Ann Roe".into()));
        assert_eq!(
            credit("Photos: Bo Lind"),
            ("Photos".into(), "Bo Lind".into())
        );
        assert_eq!(
            classify("Source: Wire Service"),
            LineClass::Reprint {
                publisher: String::new(),
                source: "Wire Service".into()
            }
        );
        assert!(is_dateline("2023年7月15日 09:05"));
        assert!(is_dateline("2023-11-05"));
        assert_eq!(
            classify("发布时间：2023-11-05"),
            LineClass::Footer(DATELINE)
        );
        assert!(is_dateline("2023年7月15日 星期六"));
        // Sentences that open with a date are content.
        assert!(!is_dateline("2023年7月15日，公司宣布了新的计划"));
        assert!(!is_dateline("2023年7月15日公司宣布了新的计划"));
        assert_eq!(
            classify("2023年7月15日，公司宣布了新的计划。"),
            LineClass::Content
        );
        assert_eq!(date_value("发布时间：2023-11-05 14:20"), "2023-11-05 14:20");
        assert_eq!(date_value("Updated: 3 June 2023"), "3 June 2023");
        assert_eq!(date_value("Published on 3 June 2023"), "3 June 2023");
    }

    #[test]
    fn page_chrome_lines_and_comment_openers() {
        for line in [
            "Home | World | Science | Arts | Travel",
            "首页 | 财经 | 科技",
            "Home · World · Science",
            "Share this story",
            "Share on Facebook",
            "Tweet",
            "分享 收藏 点赞 在看",
            "Reply · Like · Report",
            "Follow us on Mastodon and Bluesky",
            "Sign up for our weekly newsletter",
            "Subscribe to our newsletter",
            "ADVERTISEMENT",
            "- Advertisement -",
            "Tags: rivers, floods, weather",
            "Topics: climate",
            "Contact us: desk@example.org",
            "END",
            "- END -",
            "阅读原文",
            "阅读 3.4万",
            "点击上方蓝字关注我们",
            "扫一扫，关注某某网微信公众号",
            "往期推荐",
            "预览时标签不可点",
        ] {
            assert!(matches!(classify(line), LineClass::Footer(_)), "{line}");
        }
        assert!(is_bare_comment_word("Comments") && is_bare_comment_word("评论："));
        assert!(!is_bare_comment_word("7 Comments") && !is_bare_comment_word("网友评论"));
        for line in [
            "Comments (12)",
            "7 Comments",
            "Comments",
            "Leave a comment",
            "Join the conversation",
            "写下你的留言",
            "网友评论",
            "精选留言",
            "全部评论(5)",
            "评论（191）",
        ] {
            assert_eq!(classify(line), LineClass::CommentsStart, "{line}");
        }
        // Sentences and headings that merely mention these words stay content.
        for line in [
            "Readers shared this article widely, and the comments filled within an hour.",
            "Share prices fell by 3% on Monday.",
            "Comments from residents were mixed",
            "Following the river upstream",
            "The end of an era",
            "扫码关注的用户数量增长了三倍",
            "评论家对这部小说评价很高。",
            "Rock, paper and scissors",
            "Year 2023 | 12",
            "阿尔伯特·爱因斯坦",
        ] {
            assert_eq!(classify(line), LineClass::Content, "{line}");
        }
    }

    #[test]
    fn name_column_and_date_lines() {
        assert_eq!(
            name_and_date_line("李明远 新闻 2025-09-05 12:00:01"),
            Some((Some("李明远".into()), "2025-09-05 12:00:01".into()))
        );
        assert_eq!(
            name_and_date_line("科技频道 | 2024年3月8日"),
            Some((None, "2024年3月8日".into()))
        );
        assert_eq!(
            name_and_date_line("2024年3月8日，公司宣布了新的计划。"),
            None
        );
        assert_eq!(
            name_and_date_line("这是一个很长的句子 它有好几个 词语 在日期之前 2024-01-01"),
            None
        );
        assert_eq!(name_and_date_line("只有文字没有日期"), None);
    }

    #[test]
    fn japanese_korean_and_traditional_bylines() {
        for (line, role, name) in [
            ("著者：山田花子", "著者", "山田花子"),
            ("글쓴이: 김민수", "글쓴이", "김민수"),
            ("記者：陳美玲", "記者", "陳美玲"),
        ] {
            assert_eq!(
                classify(line),
                LineClass::Credit {
                    role: role.into(),
                    name: name.into()
                },
                "{line}"
            );
        }
    }

    #[test]
    fn polls_original_source_notes_and_share_buttons() {
        for line in [
            "您认为这篇文章与\"某公司\"相关度高吗？",
            "Was this article helpful?",
            "文章翻译自：https://news.example/story/123如若转载，请注明原文地址",
            "原文链接：https://news.example/story/123",
            "Originally published at news.example on May 2.",
            "分享至",
            "转载请注明出处",
            "Share on Facebook  Share on Twitter  Email",
            "点击下方“在看”，分享给更多朋友",
        ] {
            assert!(matches!(classify(line), LineClass::Footer(_)), "{line}");
        }
        for line in [
            "他把照片分享至朋友圈，很快就有上百人点赞。",
            "Was this the right decision? Nobody on the council could say for sure at the time.",
            "原文中的这段话后来被反复引用。",
            "Share prices on the exchange fell sharply on Monday.",
        ] {
            assert_eq!(classify(line), LineClass::Content, "{line}");
        }
    }

    #[test]
    fn chrome_labels_calls_to_action_and_credits() {
        assert!(is_chrome_label("Advertisement"));
        assert!(is_chrome_label("Post Comment (+)"));
        assert!(is_chrome_label("12 Comments"));
        assert!(!is_chrome_label("Comments on the draft law closed in May"));
        assert!(is_chrome_heading("More great stories"));
        assert!(is_chrome_heading("Tell us what you think..."));
        assert!(!is_chrome_heading("More rain is on the way"));
        assert!(is_call_to_action("Sign up for our free newsletter."));
        assert!(is_call_to_action(
            "Have a tip? Write to the desk. Follow her on Twitter @someone."
        ));
        assert!(is_call_to_action("Subscribe to the magazine and save."));
        assert!(!is_call_to_action(
            "Follow the money, the investigators said, and you find the owner."
        ));
        // Someone's quoted words are no call to action of the site.
        assert!(!is_call_to_action(
            "“Join us on Facebook,” the organisers wrote to their members."
        ));
        assert!(is_credit_line("Photo: Jane Roe"));
        assert!(is_credit_line("Фото:"));
        assert!(is_credit_line("(Reporting by Ann Roe; editing by Bo Doe)"));
        assert!(!is_credit_line(
            "Photo sharing grew fast: more people than ever post pictures every day."
        ));
        assert!(is_author_bio(
            "Jane Roe is a freelance writer living in Leeds."
        ));
        assert!(!is_author_bio("Jane Roe is the mayor of a small town."));
        assert!(is_company_description(
            "Acme Corp is a leading provider of garden tools."
        ));
        assert!(!is_company_description(
            "The plan is a good one for the company."
        ));
        assert!(has_company_facts("Acme is headquartered in Springfield."));
        assert!(is_disclosure(
            "This post may contain affiliate links. See the disclosure page."
        ));
        assert!(is_disclosure(
            "We may earn a commission when you buy through links on this page."
        ));
        assert!(!is_disclosure(
            "The commission met twice to discuss the report."
        ));
    }
}
