//! Recognises byline lines, image placeholders, site-footer lines and page chrome in any format.

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
    /// Ordinary content.
    Content,
}

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
    "文",
    "图",
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
];

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
/// Credit and reprint lines are recognised only when short (≤ 40 characters), so a
/// sentence that merely mentions an author stays content.
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
    }
    if is_chrome_label(line) {
        return LineClass::Footer("page control or slot label");
    }
    if is_credit_line(line) {
        return LineClass::Footer("photo or wire-service credit");
    }
    if is_disclosure(line) {
        return LineClass::Footer("affiliate-link disclosure");
    }
    if is_call_to_action(line) {
        return LineClass::Footer("call to action (sign up, follow, tips)");
    }
    if is_dateline(line) {
        return LineClass::Footer("dateline: publication date or time");
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
                name: rest.trim().to_string(),
            };
        }
    }
    for role in CREDIT_ROLES {
        if let Some(name) = label_value(line, role) {
            if !name.is_empty() {
                return LineClass::Credit {
                    role: (*role).to_string(),
                    name,
                };
            }
        }
    }
    LineClass::Content
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
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year = words.iter().any(|w| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit())
    });
    let clock = line
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    let month = words.iter().any(|w| DATE_WORDS[..23].contains(w));
    let numeric_date = line
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && (w[1] == b'/' || w[1] == b'.') && w[2].is_ascii_digit());
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
    other <= allowed
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
