//! Stance labelling: a codebook (TOML) of issues, each with topic words,
//! expressions of its target proposition (`pro`) and of the opposite
//! (`con`), plus shared polarity words (negators, rejecting and supporting
//! predicates, conditionals, reported-others markers).
//!
//! A label is computed from the statement together with the clause that
//! reports it: every `pro`/`con` expression, and every topic word governed
//! by a supporting or rejecting predicate, casts a vote whose sign is
//! flipped by each negator and rejecting predicate in its scope (the words
//! before it back to a clause boundary). Votes inside a condition (`if
//! ...`), a question, or a stance handed to another actor (`asking Kyiv to
//! cede`) are not the speaker's and do not count. Every label records the
//! rule that fired and the words it matched, so an analyst can check it.

use serde::Deserialize;

use crate::statement::{Label, StanceLabel};

/// The embedded default codebook.
pub const DEFAULT_CODEBOOK: &str = include_str!("../data/codebook.toml");

/// Shared polarity vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Polarity {
    /// Grammatical negation.
    #[serde(default)]
    pub negators: Vec<String>,
    /// Predicates rejecting what follows.
    #[serde(default)]
    pub rejecters: Vec<String>,
    /// Predicates rejecting what precedes (`... is non-negotiable`).
    #[serde(default)]
    pub post_rejecters: Vec<String>,
    /// Predicates endorsing what follows.
    #[serde(default)]
    pub supporters: Vec<String>,
    /// Condition and question markers that suspend a stance.
    #[serde(default)]
    pub conditionals: Vec<String>,
    /// Precondition markers (`until a ceasefire`): what follows is demanded.
    #[serde(default)]
    pub preconditions: Vec<String>,
    /// Markers that hand the stance to another actor.
    #[serde(default)]
    pub reported_others: Vec<String>,
}

/// One issue of the codebook.
#[derive(Debug, Clone, Deserialize)]
pub struct Issue {
    /// Column name in the outputs.
    pub id: String,
    /// Human label.
    #[serde(default)]
    pub label: String,
    /// The proposition `favor`/`against` refer to.
    #[serde(default)]
    pub target: String,
    /// Words that make a statement about the issue without a side.
    #[serde(default)]
    pub topic: Vec<String>,
    /// Expressions of the target proposition.
    #[serde(default)]
    pub pro: Vec<String>,
    /// Expressions of its opposite.
    #[serde(default)]
    pub con: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct CodebookFile {
    #[serde(default)]
    polarity: Option<Polarity>,
    #[serde(default)]
    issue: Vec<Issue>,
}

/// A word pattern: lowercase words, `*` suffix wildcard on any word.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    words: Vec<(String, bool)>,
    text: String,
}

impl Pattern {
    fn new(s: &str) -> Pattern {
        let words = tokens(s)
            .into_iter()
            .map(|w| match w.strip_suffix('*') {
                Some(stem) => (stem.to_string(), true),
                None => (w, false),
            })
            .filter(|(w, _)| !w.is_empty())
            .collect();
        Pattern {
            words,
            text: s.to_string(),
        }
    }

    fn matches_at(&self, toks: &[String], i: usize) -> bool {
        self.words.len() <= toks.len().saturating_sub(i)
            && !self.words.is_empty()
            && self.words.iter().enumerate().all(|(k, (w, wild))| {
                let t = &toks[i + k];
                if *wild {
                    t.starts_with(w.as_str())
                } else {
                    t == w
                }
            })
    }
}

#[derive(Debug, Clone)]
struct CompiledIssue {
    issue: Issue,
    topic: Vec<Pattern>,
    pro: Vec<Pattern>,
    con: Vec<Pattern>,
}

/// A loaded codebook, ready to label statements.
#[derive(Debug, Clone)]
pub struct Codebook {
    issues: Vec<CompiledIssue>,
    negators: Vec<Pattern>,
    rejecters: Vec<Pattern>,
    post_rejecters: Vec<Pattern>,
    supporters: Vec<Pattern>,
    conditionals: Vec<Pattern>,
    preconditions: Vec<Pattern>,
    reported_others: Vec<Pattern>,
}

/// A codebook file that does not parse or is inconsistent.
#[derive(Debug, thiserror::Error)]
pub enum CodebookError {
    /// TOML syntax or type error (the message carries line and column).
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    /// Semantic problems.
    #[error("{0}")]
    Invalid(String),
}

fn compile(v: &[String]) -> Vec<Pattern> {
    let mut out: Vec<Pattern> = v
        .iter()
        .map(|s| Pattern::new(s))
        .filter(|p| !p.words.is_empty())
        .collect();
    // Longer patterns first so `no longer` wins over `no`.
    out.sort_by(|a, b| b.words.len().cmp(&a.words.len()));
    out
}

impl Codebook {
    /// The built-in codebook (Crimea, NATO, ceasefire, sanctions).
    pub fn builtin() -> Codebook {
        Codebook::from_toml(DEFAULT_CODEBOOK).expect("built-in codebook parses")
    }

    /// Parses a full codebook (polarity table and issues).
    pub fn from_toml(source: &str) -> Result<Codebook, CodebookError> {
        let file: CodebookFile = toml::from_str(source)?;
        let polarity = file
            .polarity
            .ok_or_else(|| CodebookError::Invalid("missing [polarity] table".into()))?;
        let mut cb = Codebook {
            issues: Vec::new(),
            negators: compile(&polarity.negators),
            rejecters: compile(&polarity.rejecters),
            post_rejecters: compile(&polarity.post_rejecters),
            supporters: compile(&polarity.supporters),
            conditionals: compile(&polarity.conditionals),
            preconditions: compile(&polarity.preconditions),
            reported_others: compile(&polarity.reported_others),
        };
        cb.add_issues(file.issue)?;
        Ok(cb)
    }

    /// Adds issues from a TOML file with `[[issue]]` tables (a `[polarity]`
    /// table there, if any, replaces the shared vocabulary).
    pub fn extend_from_toml(&mut self, source: &str) -> Result<usize, CodebookError> {
        let file: CodebookFile = toml::from_str(source)?;
        if let Some(p) = file.polarity {
            self.negators = compile(&p.negators);
            self.rejecters = compile(&p.rejecters);
            self.post_rejecters = compile(&p.post_rejecters);
            self.supporters = compile(&p.supporters);
            self.conditionals = compile(&p.conditionals);
            self.preconditions = compile(&p.preconditions);
            self.reported_others = compile(&p.reported_others);
        }
        let n = file.issue.len();
        self.add_issues(file.issue)?;
        Ok(n)
    }

    fn add_issues(&mut self, issues: Vec<Issue>) -> Result<(), CodebookError> {
        for issue in issues {
            let id_ok = !issue.id.is_empty()
                && issue
                    .id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !id_ok {
                return Err(CodebookError::Invalid(format!(
                    "issue id {:?} must be non-empty letters, digits, '_' or '-'",
                    issue.id
                )));
            }
            if issue.topic.is_empty() && issue.pro.is_empty() && issue.con.is_empty() {
                return Err(CodebookError::Invalid(format!(
                    "issue {:?} has no words",
                    issue.id
                )));
            }
            let compiled = CompiledIssue {
                topic: compile(&issue.topic),
                pro: compile(&issue.pro),
                con: compile(&issue.con),
                issue,
            };
            match self
                .issues
                .iter()
                .position(|i| i.issue.id == compiled.issue.id)
            {
                Some(p) => self.issues[p] = compiled,
                None => self.issues.push(compiled),
            }
        }
        Ok(())
    }

    /// Issue ids in column order.
    pub fn issue_ids(&self) -> Vec<String> {
        self.issues.iter().map(|i| i.issue.id.clone()).collect()
    }

    /// The issues.
    pub fn issues(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().map(|c| &c.issue)
    }

    /// Labels one statement: `text` is the statement, `context` the
    /// reporting sentence that contains it (or `text` again).
    pub fn label(&self, text: &str, context: &str) -> Vec<StanceLabel> {
        let ctx_toks = tokens(context);
        let text_toks = tokens(text);
        let question = text
            .trim_end()
            .trim_end_matches(['"', '”', '’', '\''])
            .ends_with('?');
        let mut out = Vec::new();
        for ci in &self.issues {
            let in_text = self.mentions(ci, &text_toks);
            let in_ctx = in_text || self.mentions(ci, &ctx_toks);
            if !in_ctx {
                continue;
            }
            let toks = if ctx_toks.len() >= text_toks.len() {
                &ctx_toks
            } else {
                &text_toks
            };
            let votes = if question {
                Vec::new()
            } else {
                self.votes(ci, toks)
            };
            let sum: i32 = votes.iter().map(|v| v.sign).sum();
            let label = match sum.signum() {
                1 => Label::Favor,
                -1 => Label::Against,
                _ => Label::Neutral,
            };
            if label == Label::Neutral && !in_text {
                continue;
            }
            let rule = if votes.is_empty() {
                let why = if question { "question" } else { "no-side" };
                format!("{}:{why}", ci.issue.id)
            } else {
                let parts: Vec<String> = votes
                    .iter()
                    .filter(|v| v.sign.signum() == sum.signum() || sum == 0)
                    .map(|v| format!("{}[{:?}]", v.rule, v.words))
                    .collect();
                format!("{}:{}", ci.issue.id, parts.join("+"))
            };
            out.push(StanceLabel {
                issue: ci.issue.id.clone(),
                label,
                rule,
            });
        }
        out
    }

    fn mentions(&self, ci: &CompiledIssue, toks: &[String]) -> bool {
        (0..toks.len()).any(|i| {
            ci.topic.iter().any(|p| p.matches_at(toks, i))
                || ci
                    .pro
                    .iter()
                    .filter(|p| p.words.len() > 1 || p.words[0].1)
                    .any(|p| p.matches_at(toks, i) && !generic(p))
        })
    }

    fn votes(&self, ci: &CompiledIssue, toks: &[String]) -> Vec<Vote> {
        let mut votes = Vec::new();
        let mut topic_votes = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let pro = ci.pro.iter().find(|p| p.matches_at(toks, i));
            let con = ci.con.iter().find(|p| p.matches_at(toks, i));
            let (base, pat, kind) = match (pro, con) {
                (Some(p), Some(c)) if c.words.len() > p.words.len() => (-1, c, "con"),
                (Some(p), _) => (1, p, "pro"),
                (None, Some(c)) => (-1, c, "con"),
                (None, None) => {
                    // A topic word only counts under a governing predicate.
                    match ci.topic.iter().find(|p| p.matches_at(toks, i)) {
                        Some(t) => (0, t, "topic"),
                        None => {
                            i += 1;
                            continue;
                        }
                    }
                }
            };
            let len = pat.words.len();
            if let Some(v) = self.vote_at(toks, i, len, base, kind) {
                if base == 0 {
                    topic_votes.push(v);
                } else {
                    votes.push(v);
                }
            }
            i += len;
        }
        // Topic words under a predicate decide only when no expression of
        // the target itself does (`must return Crimea` is one vote, not two).
        if votes.is_empty() {
            topic_votes
        } else {
            votes
        }
    }

    fn vote_at(
        &self,
        toks: &[String],
        i: usize,
        len: usize,
        base: i32,
        kind: &str,
    ) -> Option<Vote> {
        // Scope: back to a clause boundary, at most 16 words. A relative
        // clause continues its antecedent's clause: in `reject the framework,
        // which includes recognition`, `reject` governs `recognition`.
        let mut lo = i;
        while lo > 0 && i - lo < 16 {
            let w = &toks[lo - 1];
            let relative = w == "," && toks.get(lo).is_some_and(|n| n == "which" || n == "that");
            if is_boundary(w) && !relative {
                break;
            }
            lo -= 1;
        }
        let scope = &toks[lo..i];
        // Conditions suspend; preconditions demand.
        if let Some(k) = find_any(&self.preconditions, scope) {
            if base != 0 && scope[k..].len() <= 6 {
                return Some(Vote {
                    sign: base,
                    rule: format!("precondition-{kind}"),
                    words: span(toks, lo + k, i + len),
                });
            }
        }
        if find_any(&self.conditionals, scope).is_some() {
            return None;
        }
        if find_any(&self.reported_others, scope).is_some_and(|k| {
            // `asking Kyiv to cede`, `a desire from Moscow to end`: another actor's stance.
            scope[k + 1..]
                .iter()
                .any(|w| w == "to" || w == "from" || w == "by" || w == "for")
        }) {
            return None;
        }
        let mut sign = base;
        let mut rule = String::from(kind);
        let mut first = i;
        let mut governed = false;
        let mut k = 0;
        while k < scope.len() {
            if let Some(n) = match_len(&self.negators, scope, k) {
                sign = -sign;
                if base == 0 {
                    sign = -1 * if sign == 0 { 1 } else { sign.signum() };
                }
                rule = format!("negated-{rule}");
                first = first.min(lo + k);
                k += n;
                continue;
            }
            if let Some(n) = match_len(&self.rejecters, scope, k) {
                sign = if base == 0 && !governed { -1 } else { -sign };
                governed = true;
                rule = format!("rejected-{rule}");
                first = first.min(lo + k);
                k += n;
                continue;
            }
            if let Some(n) = match_len(&self.supporters, scope, k) {
                if base == 0 && !governed {
                    sign = 1;
                    governed = true;
                }
                rule = format!("supported-{rule}");
                first = first.min(lo + k);
                k += n;
                continue;
            }
            k += 1;
        }
        // A rejecting predicate after the words: `stance on Crimea is non-negotiable`.
        let mut hi = i + len;
        let mut after_end = hi;
        while hi < toks.len() && hi < i + len + 8 && !is_boundary(&toks[hi]) {
            if let Some(n) = match_len(&self.post_rejecters, toks, hi) {
                sign = if sign == 0 {
                    -1
                } else {
                    -sign.abs() * base.signum().max(1)
                };
                if base == -1 {
                    sign = -1;
                }
                rule = format!("{rule}-judged-unacceptable");
                after_end = hi + n;
                break;
            }
            hi += 1;
        }
        if sign == 0 {
            return None;
        }
        Some(Vote {
            sign,
            rule,
            words: span(toks, first, after_end),
        })
    }
}

#[derive(Debug)]
struct Vote {
    sign: i32,
    rule: String,
    words: String,
}

/// Single generic words that are not issue mentions on their own.
fn generic(p: &Pattern) -> bool {
    p.words.len() == 1
        && !p.words[0].1
        && matches!(
            p.words[0].0.as_str(),
            "sanctions"
                | "membership"
                | "pause"
                | "pauses"
                | "relief"
                | "recognition"
                | "accession"
                | "leverage"
                | "irreversible"
        )
}

fn is_boundary(w: &str) -> bool {
    matches!(
        w,
        "." | ";"
            | "?"
            | "!"
            | ","
            | "but"
            | "while"
            | "although"
            | "though"
            | "because"
            | "since"
            | "and"
            | "—"
            | "–"
            | ":"
    )
}

fn find_any(pats: &[Pattern], toks: &[String]) -> Option<usize> {
    (0..toks.len()).find(|&k| pats.iter().any(|p| p.matches_at(toks, k)))
}

fn match_len(pats: &[Pattern], toks: &[String], k: usize) -> Option<usize> {
    pats.iter()
        .find(|p| p.matches_at(toks, k))
        .map(|p| p.words.len())
}

fn span(toks: &[String], a: usize, b: usize) -> String {
    toks[a..b.min(toks.len())].join(" ")
}

/// Lowercase word tokens with `n't` split off and punctuation kept as
/// boundary tokens: `They’re not being lifted, ...` →
/// `they're not being lifted , ...`.
pub fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            let w = std::mem::take(cur);
            if let Some(stem) = w.strip_suffix("n't") {
                if !stem.is_empty() {
                    out.push(stem.to_string());
                    out.push("not".to_string());
                    return;
                }
            }
            out.push(w);
        }
    };
    let lower = s.to_lowercase().replace('’', "'").replace('‘', "'");
    let chars: Vec<char> = lower.chars().collect();
    for (idx, &c) in chars.iter().enumerate() {
        let next_alnum = chars.get(idx + 1).is_some_and(|n| n.is_alphanumeric());
        let prev_alnum = idx > 0 && chars[idx - 1].is_alphanumeric();
        if c.is_alphanumeric() || c == '*' || (matches!(c, '\'' | '-') && prev_alnum && next_alnum)
        {
            cur.push(c);
        } else if c == '!' && cur.chars().all(|x| x.is_alphabetic()) && !cur.is_empty() {
            cur.push(c); // `STOP!`
            flush(&mut cur, &mut out);
        } else {
            flush(&mut cur, &mut out);
            if matches!(c, '.' | ',' | ';' | '?' | '!' | ':' | '—' | '–') {
                out.push(c.to_string());
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Vec<(String, &'static str)> {
        Codebook::builtin()
            .label(text, text)
            .into_iter()
            .map(|l| (l.issue, l.label.as_str()))
            .collect()
    }

    #[test]
    fn negated_recognition_is_against() {
        assert_eq!(
            label("We will never recognise the annexation of the peninsula."),
            vec![("crimea".into(), "against")]
        );
    }

    #[test]
    fn double_negation_on_lifting_is_favor_sanctions() {
        assert_eq!(
            label("Brussels will not agree to lift the sanctions."),
            vec![("sanctions".into(), "favor")]
        );
    }

    #[test]
    fn precondition_demands_the_ceasefire() {
        assert_eq!(
            label("There will be no negotiations until a complete truce holds."),
            vec![("ceasefire".into(), "favor")]
        );
    }

    #[test]
    fn conditional_is_no_side() {
        assert_eq!(
            label("If Moscow accepts a truce, talks could start."),
            vec![("ceasefire".into(), "neutral")]
        );
    }

    #[test]
    fn tokens_split_negation() {
        assert_eq!(
            tokens("They won’t lift it"),
            vec!["they", "wo", "not", "lift", "it"]
        );
    }
}
