//! Tokenising a sentence: words (with their shape and lowercase form),
//! punctuation and quotation marks, with the byte offsets every later stage
//! reports.

use super::*;

impl Extractor {
    /// The tokens of sentence `s..e`: words (with their abbreviation period
    /// or possessive apostrophe), single punctuation characters, and the
    /// marks of `quotes`, each inner token tagged with its quotation.
    ///
    /// Steps byte by byte through ASCII (most of any text) and decodes only
    /// other characters; quotation marks are looked up only at characters
    /// that can be marks (never letters, digits or spaces). The lowercase
    /// forms that differ from the text go to `lowered` (see
    /// [`Lowered::attach`]).
    pub(super) fn tokenize<'a>(
        &self,
        text: &'a str,
        s: usize,
        e: usize,
        quotes: &[Quote],
        lowered: &mut Lowered,
    ) -> Vec<Tok<'a>> {
        let mut toks = Vec::with_capacity(e.saturating_sub(s) / 5 + 1);
        // The text up to the sentence's end: no character past it is read.
        let upto = text.get(..e).unwrap_or(text);
        let e = upto.len();
        let at = |p: usize| text::char_at(upto, p);
        let open_at = |p: usize| quotes.iter().rposition(|q| q.open == p);
        let close_at = |p: usize| quotes.iter().rposition(|q| q.closed && q.inner_end == p);
        let is_mark_at = |p: usize| open_at(p).is_some() || close_at(p).is_some();
        // Past a mark: to its end, on a char boundary.
        let skip_to = |target: usize| {
            let mut p = target;
            while p < e && !text.is_char_boundary(p) {
                p += 1;
            }
            p
        };
        let bytes = upto.as_bytes();
        let mut p = s;
        while let Some(&b) = bytes.get(p) {
            // ASCII spaces (the commonest character) without decoding.
            if text::is_ascii_white_space(b) {
                p += 1;
                continue;
            }
            let Some(c) = at(p) else { break };
            let len = c.len_utf8();
            if c.is_whitespace() {
                p += len;
                continue;
            }
            // `• Kallas said ...`: a list item's bullet is no part of its
            // sentence.
            if toks.is_empty() && matches!(c, '•' | '▪' | '►' | '■' | '●' | '◦' | '‣' | '⁃' | '*')
            {
                p += len;
                continue;
            }
            let alnum = text::is_alphanumeric(c);
            if !alnum {
                if let Some(qi) = open_at(p) {
                    let q = quotes[qi];
                    toks.push(self.mark_tok(text, p, q.inner_start, qi, true));
                    p = skip_to(q.inner_start.max(p + len));
                    continue;
                }
                if let Some(qi) = close_at(p) {
                    let q = quotes[qi];
                    toks.push(self.mark_tok(text, p, q.close_end, qi, false));
                    p = skip_to(q.close_end.max(p + len));
                    continue;
                }
                toks.push(Tok {
                    start: p,
                    end: p + len,
                    lower: &text[p..p + len],
                    word: false,
                    cap: false,
                    upper: false,
                    poss: false,
                    quote: None,
                    mark: None,
                });
                p += len;
                continue;
            }
            // A word runs over letters and digits, and over one joining
            // character between two of them (`Kyiv’s`, `pro-Russian`,
            // `U.S`, `AT&T`, `and/or`) unless a quotation mark stands there.
            let mut j = p + len;
            let mut shape = WordShape::default();
            shape.add(c);
            loop {
                // Runs of ASCII letters and digits byte by byte.
                while let Some(&b) = bytes.get(j).filter(|b| b.is_ascii_alphanumeric()) {
                    shape.add_ascii(b);
                    j += 1;
                }
                let Some(ch) = at(j) else { break };
                if text::is_alphanumeric(ch) {
                    shape.add(ch);
                    j += ch.len_utf8();
                    continue;
                }
                if matches!(ch, '\'' | '’' | '-' | '.' | '&' | '/') {
                    let after = j + ch.len_utf8();
                    if let Some(next) = at(after).filter(|&n| text::is_alphanumeric(n)) {
                        if !is_mark_at(j) {
                            shape.add(ch);
                            shape.add(next);
                            j = after + next.len_utf8();
                            continue;
                        }
                    }
                }
                break;
            }
            let mut end = j;
            let word = &text[p..end];
            // Abbreviations and initials keep their period: Gen., U.S., J.
            if at(j) == Some('.') && self.keeps_period(word, &text[p..end + 1]) {
                end += 1;
                j += 1;
            }
            // Possessive with a closing apostrophe: Ukrainians’. The
            // apostrophe is the word's, no token of its own (`Marek
            // Zalewski of the farmers' union said`).
            let mut poss = false;
            if let Some(apostrophe @ ('’' | '\'')) = at(j) {
                let after = at(j + apostrophe.len_utf8());
                if close_at(j).is_none()
                    && word.ends_with('s')
                    && after.is_none_or(|n| !text::is_alphanumeric(n))
                {
                    poss = true;
                    j += apostrophe.len_utf8();
                }
            }
            toks.push(self.word_tok(text, p, end, poss, shape, toks.len(), lowered));
            p = j;
        }
        tag_quotations(&mut toks, quotes);
        toks
    }

    /// Whether a word followed by a period keeps it (`with_period`): a
    /// title or honorific abbreviation (`Gen.`, `Mrs.`), a dotted word
    /// (`U.S.`), an initial (`J.`), a month (`Nov.`).
    pub(super) fn keeps_period(&self, word: &str, with_period: &str) -> bool {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        matches!(
            self.lex.title(with_period),
            Some(TitleKind::Abbrev | TitleKind::Honorific(_))
        ) || word.contains('.')
            || (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
            // `Mitsui & Co. said`, `Toyota Motor Corp.`: a company's suffix.
            || ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "co", "corp", "inc", "ltd", "bros"]
                .iter()
                .any(|a| word.eq_ignore_ascii_case(a))
            // `said on Nov. 27 that`: a month as AP writes it.
            || ["jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec"]
                .iter()
                .any(|a| word.eq_ignore_ascii_case(a))
    }

    /// The token of the word `text[start..end]`, token number `index` of its
    /// sentence.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn word_tok<'a>(
        &self,
        text: &'a str,
        start: usize,
        end: usize,
        poss: bool,
        shape: WordShape,
        index: usize,
        lowered: &mut Lowered,
    ) -> Tok<'a> {
        let w = &text[start..end];
        let (lower, poss) = if shape.is_ascii_lowercase() {
            (w, poss || w.ends_with("'s"))
        } else {
            let at = lowered.buf.len();
            let poss = if w.is_ascii() {
                // Most words are ASCII: their lowercase needs no Unicode
                // tables, and is made in place.
                lowered.buf.push_str(w);
                lowered.buf[at..].make_ascii_lowercase();
                poss || lowered.buf[at..].ends_with("'s")
            } else {
                let mut lower = w.to_lowercase();
                let poss = poss || lower.ends_with("'s") || lower.ends_with("’s");
                if lower.contains('’') {
                    lower = lower.replace('’', "'");
                }
                lowered.buf.push_str(&lower);
                poss
            };
            lowered.forms.push((index, at..lowered.buf.len()));
            ("", poss)
        };
        Tok {
            start,
            end,
            cap: w.chars().next().is_some_and(char::is_uppercase) || arabic_article_name(w),
            upper: !shape.has_lowercase() && w.chars().filter(|&c| c.is_alphabetic()).count() >= 2,
            lower,
            word: true,
            poss,
            quote: None,
            mark: None,
        }
    }

    pub(super) fn mark_tok<'a>(
        &self,
        text: &'a str,
        start: usize,
        end: usize,
        qi: usize,
        open: bool,
    ) -> Tok<'a> {
        Tok {
            start,
            end,
            lower: &text[start..end],
            word: false,
            cap: false,
            upper: false,
            poss: false,
            quote: None,
            mark: Some((qi as u32, open)),
        }
    }
}
