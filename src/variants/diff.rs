//! Word diffs between versions of one utterance: a Myers diff on interned
//! word keys, rendered on the original words (`recogni[-z-]{+s+}e`) and
//! classified as identical, spelling, omission, addition or substitution.

use super::*;

/// One diff operation between an `a` sequence and a `b` sequence.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Op {
    pub(super) tag: DiffTag,
    pub(super) a: Range<usize>,
    pub(super) b: Range<usize>,
}

/// Diff of two sequences, computed in a canonical orientation (the smaller
/// sequence first) and mirrored back, so `diff(a, b)` and `diff(b, a)` are
/// always exact mirrors of each other.
pub(super) fn canonical_diff<T: Ord + Eq + std::hash::Hash>(
    a: &[T],
    b: &[T],
    a_first: bool,
) -> Vec<Op> {
    let flip = !a_first;
    let (x, y) = if flip { (b, a) } else { (a, b) };
    similar::capture_diff_slices(Algorithm::Myers, x, y)
        .into_iter()
        .map(|op| {
            let (tag, r1, r2) = op.as_tag_tuple();
            if flip {
                let tag = match tag {
                    DiffTag::Delete => DiffTag::Insert,
                    DiffTag::Insert => DiffTag::Delete,
                    t => t,
                };
                Op { tag, a: r2, b: r1 }
            } else {
                Op { tag, a: r1, b: r2 }
            }
        })
        .collect()
}

pub(super) fn common_len(ops: &[Op]) -> usize {
    ops.iter()
        .filter(|o| o.tag == DiffTag::Equal)
        .map(|o| o.a.len())
        .sum()
}

pub(super) struct Side<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
}

impl Side<'_> {
    pub(super) fn raw(&self, i: usize) -> &str {
        &self.text[self.tokens[i].range.clone()]
    }
}

/// Pushes a run of one side's tokens between markers; `lead` puts the first
/// token's preceding space before the marker.
pub(super) fn push_run(
    out: &mut String,
    side: &Side<'_>,
    range: Range<usize>,
    open: &str,
    close: &str,
    lead: bool,
) {
    if range.is_empty() {
        return;
    }
    if lead && side.tokens[range.start].space {
        out.push(' ');
    }
    out.push_str(open);
    for i in range.clone() {
        if i > range.start && side.tokens[i].space {
            out.push(' ');
        }
        out.push_str(side.raw(i));
    }
    out.push_str(close);
}

/// Renders two same-key tokens whose characters differ: a character diff when
/// most characters agree (`recogni[-z-]{+s+}e`), else a whole replacement.
pub(super) fn push_char_diff(out: &mut String, a: &str, b: &str) {
    let ca: Vec<char> = a.chars().collect();
    let cb: Vec<char> = b.chars().collect();
    let ops = canonical_diff(&ca, &cb, a <= b);
    let common = common_len(&ops);
    if common * 2 <= ca.len().max(cb.len()) {
        out.push_str("[-");
        out.push_str(a);
        out.push_str("-]{+");
        out.push_str(b);
        out.push_str("+}");
        return;
    }
    for op in ops {
        let sa: String = ca[op.a.clone()].iter().collect();
        let sb: String = cb[op.b.clone()].iter().collect();
        match op.tag {
            DiffTag::Equal => out.push_str(&sa),
            DiffTag::Delete => out.push_str(&format!("[-{sa}-]")),
            DiffTag::Insert => out.push_str(&format!("{{+{sb}+}}")),
            DiffTag::Replace => out.push_str(&format!("[-{sa}-]{{+{sb}+}}")),
        }
    }
}

/// Merges runs of adjacent non-equal operations into one replacement, so a
/// change renders as one `[-old-]{+new+}` whatever order the diff found.
pub(super) fn merge_changes(ops: Vec<Op>) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops {
        match out.last_mut() {
            Some(last) if last.tag != DiffTag::Equal && op.tag != DiffTag::Equal => {
                last.a.end = op.a.end.max(last.a.end);
                last.b.end = op.b.end.max(last.b.end);
                last.tag = match (last.a.is_empty(), last.b.is_empty()) {
                    (true, _) => DiffTag::Insert,
                    (_, true) => DiffTag::Delete,
                    _ => DiffTag::Replace,
                };
            }
            _ => out.push(op),
        }
    }
    out
}

pub(super) fn render(a: &Side<'_>, b: &Side<'_>, ops: &[Op]) -> String {
    let mut out = String::new();
    for op in ops {
        match op.tag {
            DiffTag::Equal => {
                for (i, j) in op.a.clone().zip(op.b.clone()) {
                    if a.tokens[i].space || b.tokens[j].space {
                        out.push(' ');
                    }
                    let (ra, rb) = (a.raw(i), b.raw(j));
                    if ra == rb {
                        out.push_str(ra);
                    } else {
                        push_char_diff(&mut out, ra, rb);
                    }
                }
            }
            DiffTag::Delete => push_run(&mut out, a, op.a.clone(), "[-", "-]", true),
            DiffTag::Insert => push_run(&mut out, b, op.b.clone(), "{+", "+}", true),
            DiffTag::Replace => {
                if a.tokens[op.a.start].space || b.tokens[op.b.start].space {
                    out.push(' ');
                }
                push_run(&mut out, a, op.a.clone(), "[-", "-]", false);
                push_run(&mut out, b, op.b.clone(), "{+", "+}", false);
            }
        }
    }
    out.trim_start().to_string()
}

/// A tokenized text with its keys as ids (equal keys, equal ids) for the
/// diffs: every token's, then the words' only. A diff compares elements
/// only for equality, so ids give the operations the keys would, and the
/// Myers search over a cluster's versions compares integers, not strings.
pub(super) struct Interned<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) all: Vec<u32>,
    pub(super) words: Vec<u32>,
}

/// The [`Interned`] forms of `texts` with their `tokens`, from one table of
/// ids.
pub(super) fn intern<'a>(texts: &[&'a str], tokens: &'a [Vec<Token>]) -> Vec<Interned<'a>> {
    let mut ids: FastMap<&str, u32> = FastMap::default();
    texts
        .iter()
        .zip(tokens)
        .map(|(&text, tokens)| {
            let mut all = Vec::with_capacity(tokens.len());
            let mut words = Vec::with_capacity(tokens.len());
            for t in tokens {
                let next = ids.len() as u32;
                let id = *ids.entry(&*t.key).or_insert(next);
                all.push(id);
                if t.word {
                    words.push(id);
                }
            }
            Interned {
                text,
                tokens,
                all,
                words,
            }
        })
        .collect()
}

/// Whether `a` sorts before `b` (or equals it) by the keys of their tokens
/// (only of their words when `words_only`), then their texts: the canonical
/// orientation.
pub(super) fn a_first(a: &Interned, b: &Interned, words_only: bool) -> bool {
    fn keys<'x>(x: &Interned<'x>, words_only: bool) -> impl Iterator<Item = &'x str> {
        x.tokens
            .iter()
            .filter(move |t| t.word || !words_only)
            .map(|t| &*t.key)
    }
    keys(a, words_only)
        .cmp(keys(b, words_only))
        .then_with(|| a.text.cmp(b.text))
        .is_le()
}

/// Compares `other` with `reference` word by word.
///
/// Returns the kind of change, the inline diff and the similarity.
///
/// * **diff**: the original words of both versions, in order; words only in
///   the reference are shown `[-like this-]`, words only in `other` `{+like
///   this+}`; a word whose normalised form agrees but whose characters differ
///   gets a character diff (`recogni[-z-]{+s+}e`). Empty when identical.
///   `word_diff(b, a)` is the exact mirror of `word_diff(a, b)`.
/// * **similarity**: `2 × common words / (words in reference + words in
///   other)`, on normalised words in order (the `similar` ratio); 1 when both
///   have no words.
/// * **change**, the first rule that holds:
///   1. `identical`: the same characters apart from whitespace;
///   2. `spelling`: the same normalised words and punctuation
///      ([`normalize_for_compare`]);
///   3. `punctuation`: the same normalised words;
///   4. `truncation`: one version's words are a contiguous run of the
///      other's;
///   5. `omission`: one version's words are the other's with words dropped
///      in more than one place;
///   6. `substitution`: words changed, and the words in common (in order)
///      include more than [`SUBSTITUTION_SHARE`] of the content words
///      (stopwords removed, negations kept) of the version with fewer of them;
///   7. `paraphrase`: otherwise.
///
/// The change is symmetric: `word_diff(b, a).0 == word_diff(a, b).0`.
pub fn word_diff(reference: &str, other: &str) -> (Change, String, f64) {
    let tokens = [tokenize(reference), tokenize(other)];
    let forms = intern(&[reference, other], &tokens);
    compare(&forms[0], &forms[1])
}

pub(super) fn compare(a: &Interned, b: &Interned) -> (Change, String, f64) {
    let (ta, tb) = (a.tokens, b.tokens);
    let same_raw = ta.len() == tb.len()
        && ta
            .iter()
            .zip(tb)
            .all(|(x, y)| a.text[x.range.clone()] == b.text[y.range.clone()]);
    if same_raw {
        return (Change::Identical, String::new(), 1.0);
    }
    let (wa, wb) = (&a.words, &b.words);
    let word_ops = canonical_diff(wa, wb, a_first(a, b, true));
    let common = common_len(&word_ops);
    let similarity = if wa.is_empty() && wb.is_empty() {
        1.0
    } else {
        2.0 * common as f64 / (wa.len() + wb.len()) as f64
    };
    let (ka, kb) = (&a.all, &b.all);
    let ops = merge_changes(canonical_diff(ka, kb, a_first(a, b, false)));
    let change = if ka == kb {
        Change::Spelling
    } else if wa == wb {
        Change::Punctuation
    } else {
        classify_words(&word_ops, ta, tb)
    };
    let diff = render(
        &Side {
            text: a.text,
            tokens: ta,
        },
        &Side {
            text: b.text,
            tokens: tb,
        },
        &ops,
    );
    (change, diff, similarity)
}

pub(super) fn classify_words(ops: &[Op], ta: &[Token], tb: &[Token]) -> Change {
    let deleted = ops
        .iter()
        .any(|o| o.tag != DiffTag::Equal && !o.a.is_empty());
    let inserted = ops
        .iter()
        .any(|o| o.tag != DiffTag::Equal && !o.b.is_empty());
    if deleted != inserted {
        let runs = ops.iter().filter(|o| o.tag == DiffTag::Equal).count();
        return if runs <= 1 {
            Change::Truncation
        } else {
            Change::Omission
        };
    }
    let wa: Vec<&Token> = ta.iter().filter(|t| t.word).collect();
    let wb: Vec<&Token> = tb.iter().filter(|t| t.word).collect();
    let shared = ops
        .iter()
        .filter(|o| o.tag == DiffTag::Equal)
        .flat_map(|o| o.a.clone())
        .filter(|&i| is_content(wa[i]))
        .count();
    let ca = wa.iter().filter(|t| is_content(t)).count();
    let cb = wb.iter().filter(|t| is_content(t)).count();
    let smaller = ca.min(cb).max(1);
    if shared as f64 / smaller as f64 > SUBSTITUTION_SHARE {
        Change::Substitution
    } else {
        Change::Paraphrase
    }
}

// ---------------------------------------------------------------------------
// Clustering
// ---------------------------------------------------------------------------
