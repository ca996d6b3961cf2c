//! jieba's dictionary and IDF table loaded per text: only the entries that occur in the text at hand, with the same segmentation as the full dictionary.
//!
//! jieba-rs builds its segmenter from the whole bundled dictionary (349,045 words into a
//! trie, ~200 ms of one core) and its keyword extractor from the whole IDF table (270,131
//! words, ~120 ms) — most of a Chinese conversion's time. Segmenting a text only ever
//! looks up words that are substrings of that text, so a segmenter holding exactly those
//! dictionary entries, plus one padding entry that keeps the dictionary's total frequency,
//! cuts and tags every such text exactly as the full one does (jieba's route score is
//! `ln(freq) − ln(total)` per word, Sun 2012 / jieba-rs; a word absent from the dictionary
//! counts as frequency 1 in both). The keyword extractor likewise needs the IDF of the
//! text's words and the table's median IDF (used for words it lacks), kept by padding.
//!
//! The data (`assets/jieba/dict.txt`, `assets/jieba/idf.txt`, jieba's own files under the
//! MIT licence, see `assets/jieba/README.md`) is compiled into the binary, sorted by word in
//! byte order, and searched by binary search: finding the entries of an n-character text
//! costs O(n · w · log N) string comparisons (w the longest match, N the entries), a few
//! milliseconds for an article, and needs no parsing of the rest of the file.

use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use std::sync::{Mutex, OnceLock, RwLock, RwLockReadGuard};

use jieba_rs::{Jieba, KeywordExtractConfig, TfIdf};

/// jieba's dictionary: one `word frequency tag` line per word, sorted by word (bytes).
static DICT: &str = include_str!("../../assets/jieba/dict.txt");
/// jieba's IDF table: one `word idf` line per word, sorted by word (bytes).
static IDF: &str = include_str!("../../assets/jieba/idf.txt");

/// Sum of the frequencies of every entry of [`DICT`] (checked by a unit test).
const DICT_TOTAL: usize = 60_101_964;
/// The lower median of the IDF values of [`IDF`], the weight jieba gives a word the table
/// lacks (checked by a unit test).
const MEDIAN_IDF: f64 = 11.9547675029;
/// The padding entry's word: a Unicode noncharacter, which no text is meant to contain.
const PAD: &str = "\u{FDD0}";

/// The longest entry of either table, in characters (checked by a unit test); bounds how
/// far a candidate word is grown from one position of a text.
const MAX_WORD_CHARS: usize = 48;

/// A one- or two-character word prefix.
type Prefix = (char, Option<char>);

/// A table of `word …` lines sorted by word in byte order, searched in place: a line is
/// named by the byte offset of its start, and binary search works on byte offsets (a probe
/// backs up to the start of its line), so no index of the lines has to be built.
struct Table {
    text: &'static str,
    /// For each one- or two-character prefix met so far, the byte range of the lines whose
    /// word starts with it (two binary searches each, kept for the process).
    ranges: Mutex<FxHashMap<Prefix, (usize, usize)>>,
}

impl Table {
    fn new(text: &'static str) -> Table {
        Table {
            text,
            ranges: Mutex::new(FxHashMap::default()),
        }
    }

    /// Start of the line holding byte `i`.
    fn line_start(&self, i: usize) -> usize {
        self.text.as_bytes()[..i]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |k| k + 1)
    }

    /// Start of the line after the line starting at `s` (the text's length at the end).
    fn next_line(&self, s: usize) -> usize {
        self.text[s..]
            .find('\n')
            .map_or(self.text.len(), |k| s + k + 1)
    }

    /// The line starting at `s`, without its line break.
    fn line(&self, s: usize) -> &'static str {
        let e = self.next_line(s);
        self.text[s..e].trim_end_matches(['\n', '\r'])
    }

    /// The word (first field) of the line starting at `s`.
    fn word(&self, s: usize) -> &'static str {
        let rest = &self.text[s..];
        let end = rest.find([' ', '\n']).unwrap_or(rest.len());
        &rest[..end]
    }

    /// The first line start in `lo..hi` (both line starts, or the text's length) whose word
    /// is ≥ `q` in byte order; `hi` when there is none.
    fn lower_bound(&self, q: &str, mut lo: usize, mut hi: usize) -> usize {
        while lo < hi {
            let s = self.line_start(lo + (hi - lo) / 2).max(lo);
            if self.word(s) < q {
                lo = self.next_line(s);
            } else {
                hi = s;
            }
        }
        lo.min(hi)
    }

    /// The byte range (within `lo..hi`, a range holding every line whose word starts with
    /// `prefix`) of the lines whose word starts with `prefix`.
    fn prefix_range(&self, prefix: &str, lo: usize, hi: usize) -> (usize, usize) {
        let lo = self.lower_bound(prefix, lo, hi);
        // Every string starting with `prefix` sorts before `prefix` with its last character
        // replaced by the next scalar value.
        let Some(last) = prefix.chars().next_back() else {
            return (lo, hi);
        };
        let next = (last as u32 + 1..=char::MAX as u32).find_map(char::from_u32);
        let hi = match next {
            Some(next) => {
                let mut bound = prefix[..prefix.len() - last.len_utf8()].to_string();
                bound.push(next);
                self.lower_bound(&bound, lo, hi)
            }
            None => hi,
        };
        (lo, hi)
    }

    /// The lines (by start offset) whose words occur in `text`, each once, in table order.
    /// From each position of `text` the candidate grows one character at a time while some
    /// word still starts with it, each search inside the range of the previous candidate;
    /// the ranges of one- and two-character prefixes are kept for the process, so most
    /// positions cost two hash lookups.
    fn lines_in(&self, text: &str) -> Vec<usize> {
        let mut ranges = self.ranges.lock().unwrap_or_else(|e| e.into_inner());
        let n = self.text.len();
        let mut found = FxHashSet::default();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(p, c)) in chars.iter().enumerate() {
            if c.is_whitespace() || c.is_control() {
                continue;
            }
            let (lo1, hi1) = *ranges
                .entry((c, None))
                .or_insert_with(|| self.prefix_range(c.encode_utf8(&mut [0; 4]), 0, n));
            if lo1 < hi1 && self.word(lo1).len() == c.len_utf8() {
                found.insert(lo1); // the word `c` itself sorts first among its range
            }
            let Some(&(_, d)) = chars.get(k + 1) else {
                continue;
            };
            if lo1 >= hi1 || d.is_whitespace() {
                continue;
            }
            let two_end = p + c.len_utf8() + d.len_utf8();
            let (mut lo, hi) = *ranges
                .entry((c, Some(d)))
                .or_insert_with(|| self.prefix_range(&text[p..two_end], lo1, hi1));
            // Longer candidates: searched inside the two-character range.
            let ends = chars[k + 1..]
                .iter()
                .map(|&(i, _)| i)
                .skip(1)
                .chain(std::iter::once(text.len()))
                .take(MAX_WORD_CHARS - 1);
            for end in ends {
                let q = &text[p..end];
                if q.ends_with(char::is_whitespace) || lo >= hi {
                    break; // no entry holds whitespace
                }
                lo = self.lower_bound(q, lo, hi);
                if lo >= hi {
                    break;
                }
                let w = self.word(lo);
                if w == q {
                    found.insert(lo);
                    lo = self.next_line(lo);
                } else if !w.starts_with(q) {
                    break;
                }
            }
        }
        let mut v: Vec<usize> = found.into_iter().collect();
        v.sort_unstable();
        v
    }

    /// Start offsets of every line (tests only: a full scan).
    #[cfg(test)]
    fn all_lines(&self) -> Vec<usize> {
        let mut v = Vec::new();
        let mut s = 0;
        while s < self.text.len() {
            v.push(s);
            s = self.next_line(s);
        }
        v
    }
}

fn dict_table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(DICT))
}

fn idf_table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::new(IDF))
}

/// The shared segmenter and which dictionary lines it holds.
struct Scoped {
    jieba: Jieba,
    /// Start offsets of the dictionary lines loaded.
    loaded: FxHashSet<usize>,
    /// Hashes of the texts already prepared (a repeated text skips the search).
    prepared: FxHashSet<u64>,
    /// Sum of the frequencies of the loaded entries (the padding entry excluded).
    loaded_total: usize,
}

fn scoped() -> &'static RwLock<Scoped> {
    static S: OnceLock<RwLock<Scoped>> = OnceLock::new();
    S.get_or_init(|| {
        let mut jieba = Jieba::empty();
        jieba.add_word(PAD, Some(DICT_TOTAL), Some("x"));
        RwLock::new(Scoped {
            jieba,
            loaded: FxHashSet::default(),
            prepared: FxHashSet::default(),
            loaded_total: 0,
        })
    })
}

/// Shared access to the segmenter [`jieba_for`] prepared; derefs to [`Jieba`].
pub struct Segmenter(RwLockReadGuard<'static, Scoped>);

impl std::ops::Deref for Segmenter {
    type Target = Jieba;
    fn deref(&self) -> &Jieba {
        &self.0.jieba
    }
}

fn read() -> Segmenter {
    Segmenter(scoped().read().unwrap_or_else(|e| e.into_inner()))
}

/// A jieba segmenter that holds every dictionary word occurring in `text` (loading the
/// missing ones first) and so cuts and tags `text`, or any part of it, exactly as
/// `jieba_rs::Jieba::new()` does. The returned guard shares a lock: hold it only while
/// segmenting. Words loaded for earlier texts stay, so in a long-running process (the
/// desktop app, `batch`) the segmenter grows towards the full dictionary.
pub fn jieba_for(text: &str) -> Segmenter {
    let key = FxBuildHasher.hash_one(text);
    {
        let s = read();
        if s.0.prepared.contains(&key) {
            return s;
        }
    }
    let lines = dict_table().lines_in(text);
    {
        let mut s = scoped().write().unwrap_or_else(|e| e.into_inner());
        s.prepared.insert(key);
        let t = dict_table();
        for i in lines {
            if !s.loaded.insert(i) {
                continue;
            }
            let mut f = t.line(i).split(' ');
            let word = f.next().unwrap_or("");
            let freq: usize = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
            let tag = f.next().unwrap_or("");
            s.jieba.add_word(word, Some(freq), Some(tag));
            s.loaded_total += freq;
        }
        let pad = DICT_TOTAL.saturating_sub(s.loaded_total);
        s.jieba.add_word(PAD, Some(pad), Some("x"));
    }
    read()
}

/// jieba-rs's TF-IDF keyword extractor for `text`: the IDF of every table word occurring
/// in `text`, plus padding at the table's median so that words the table lacks weigh what
/// they weigh with the full table (`TfIdf::default()`, same stop words and settings).
/// Keywords it extracts from `text` are the ones `TfIdf::default()` extracts.
pub fn tfidf_for(text: &str) -> TfIdf {
    let t = idf_table();
    let lines = t.lines_in(text);
    let mut data = String::new();
    for &i in &lines {
        data.push_str(t.line(i));
        data.push('\n');
    }
    // n + 1 copies of the median keep it the lower median of the n + (n + 1) values.
    for k in 0..=lines.len() {
        data.push_str(&format!("{PAD}{k} {MEDIAN_IDF}\n"));
    }
    TfIdf::new(Some(&mut data.as_bytes()), KeywordExtractConfig::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jieba_rs::KeywordExtract;

    /// The asset tables are sorted by word with no duplicates (binary search needs it).
    #[test]
    fn tables_sorted_by_word() {
        for (t, n) in [(dict_table(), 349_045), (idf_table(), 270_132)] {
            let lines = t.all_lines();
            assert_eq!(lines.len(), n);
            for w in lines.windows(2) {
                let (a, b) = (t.word(w[0]), t.word(w[1]));
                assert!(a < b, "{a:?} !< {b:?}");
            }
            let longest = lines.iter().map(|&s| t.word(s).chars().count()).max();
            assert!(longest <= Some(MAX_WORD_CHARS), "{longest:?}");
        }
    }

    #[test]
    fn constants_match_the_tables() {
        let total: usize = DICT
            .lines()
            .filter_map(|l| l.split(' ').nth(1)?.parse::<usize>().ok())
            .sum();
        assert_eq!(total, DICT_TOTAL);
        let mut v: Vec<f64> = IDF
            .lines()
            .filter_map(|l| l.split(' ').nth(1)?.parse().ok())
            .collect();
        v.sort_by(f64::total_cmp);
        assert_eq!(v[(v.len() - 1) / 2], MEDIAN_IDF);
    }

    #[test]
    fn lines_in_finds_every_occurring_word() {
        let t = dict_table();
        let words: Vec<&str> = t
            .lines_in("北京大学的学生")
            .iter()
            .map(|&s| t.word(s))
            .collect();
        for w in ["北京", "北京大学", "大学", "学生", "的", "北", "京"] {
            assert!(words.contains(&w), "{w} missing from {words:?}");
        }
        assert!(!words.contains(&"学生会"));
        // Latin and mixed entries are found too.
        let words: Vec<&str> = t.lines_in("买了T恤").iter().map(|&s| t.word(s)).collect();
        assert!(words.contains(&"T恤"), "{words:?}");
        assert!(t.lines_in("").is_empty());
    }

    /// The per-text segmenter cuts and tags exactly as the full dictionary does.
    #[test]
    fn same_segmentation_as_the_full_dictionary() {
        let full = Jieba::new();
        let texts = [
            "我们在北京大学学习人工智能，研究自然语言处理。",
            "他来到了网易杭研大厦，小明硕士毕业于中国科学院计算所，后在日本京都大学深造",
            "工信和信息化部副部长表示，2024年新能源汽车产销量同比增长35.8%，达到1288万辆。",
            "OpenAI 的 GPT-4 模型有 33 位华人贡献者，买了一件T恤和4S店的服务",
        ];
        for text in texts {
            let j = jieba_for(text);
            for hmm in [false, true] {
                let a: Vec<&str> = j.cut(text, hmm).iter().map(|t| t.word).collect();
                let b: Vec<&str> = full.cut(text, hmm).iter().map(|t| t.word).collect();
                assert_eq!(a, b, "cut hmm={hmm}");
            }
            let a: Vec<(&str, &str)> = j.tag(text, true).iter().map(|t| (t.word, t.tag)).collect();
            let b: Vec<(&str, &str)> = full
                .tag(text, true)
                .iter()
                .map(|t| (t.word, t.tag))
                .collect();
            assert_eq!(a, b, "tag");
        }
    }

    /// The same on every Chinese sample article in `../shared/samples` (skipped when the
    /// folder is absent): whole-text cut and tag, each text prepared on its own.
    #[test]
    fn same_segmentation_on_the_shared_samples() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipping: {} is absent", dir.display());
            return;
        };
        let full = Jieba::new();
        let mut checked = 0;
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with("zh-") || !(name.ends_with(".txt") || name.ends_with(".md")) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(e.path()) else {
                continue;
            };
            let j = jieba_for(&text);
            let a: Vec<(&str, &str)> = j.tag(&text, true).iter().map(|t| (t.word, t.tag)).collect();
            let b: Vec<(&str, &str)> = full
                .tag(&text, true)
                .iter()
                .map(|t| (t.word, t.tag))
                .collect();
            assert_eq!(a, b, "{name}");
            checked += 1;
        }
        assert!(
            checked >= 3,
            "only {checked} Chinese samples found in {}",
            dir.display()
        );
    }

    #[test]
    fn same_keywords_as_the_full_idf_table() {
        let full = Jieba::new();
        let text = "人工智能公司的研究员离职创业，创业公司获得融资。研究员说，人工智能的融资很难。";
        let pos: Vec<String> = ["n", "nr", "ns", "nt", "nz", "eng", "vn"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let a = tfidf_for(text).extract_keywords(&jieba_for(text), text, 5, pos.clone());
        let b = TfIdf::default().extract_keywords(&full, text, 5, pos);
        assert_eq!(a, b);
        assert!(!a.is_empty());
    }
}
