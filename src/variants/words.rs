//! Words for comparison: tokenising a version into words and punctuation with
//! normalised keys (case, spelling, transliteration, contractions), stopwords
//! and light stems. Clustering and diffs both read versions through these
//! keys.

use super::*;

/// A word or punctuation mark of a text, with its comparison key: the
/// normalised form (shared with the per-thread memo of [`token_key`]), or
/// what a [`KeySource`] makes of it (linking takes word ids).
#[derive(Debug, Clone)]
pub(super) struct Token<K = Rc<str>> {
    /// Byte range of the original characters.
    pub(super) range: Range<usize>,
    /// The comparison key.
    pub(super) key: K,
    /// A word (letters or digits), not punctuation.
    pub(super) word: bool,
    /// An acronym in capitals (`US`, `U.S.`, `NATO`): never a stopword.
    pub(super) acronym: bool,
    /// Whitespace precedes the token in its text.
    pub(super) space: bool,
}

/// Whether `word` is one of the whitespace-separated words of `list`.
pub(super) fn in_list(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

pub(super) fn suffixes() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| SUFFIXES.split_whitespace().collect())
}

pub(super) fn is_word_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Lowercase ASCII form of a word, apostrophes removed.
pub(super) fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Every word of every clustered statement passes here; most have
        // no apostrophe to drop.
        if !s.contains(['\'', '`']) {
            return s.to_ascii_lowercase();
        }
        let mut out = String::with_capacity(s.len());
        out.extend(
            s.chars()
                .filter(|&c| c != '\'' && c != '`')
                .map(|c| c.to_ascii_lowercase()),
        );
        return out;
    }
    let mut out = any_ascii::any_ascii(s);
    out.make_ascii_lowercase();
    out.retain(|c| c != '\'' && c != '`');
    out
}

pub(super) fn punct_key(s: &str) -> String {
    let mut chars = s.chars();
    let c = chars.next().unwrap_or(' ');
    if s.len() > 1 && s.chars().all(|c| c == '.') {
        return "...".to_string();
    }
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '"' | '‘' | '’' | '‚' | '‛' | '\''
        | '`' | '´' | 'ʼ' | '″' | '′' => "\"".to_string(),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '-' | '⁃' => "-".to_string(),
        '…' => "...".to_string(),
        _ => {
            let a = any_ascii::any_ascii_char(c);
            if a.is_empty() || a.chars().all(char::is_whitespace) {
                c.to_string()
            } else {
                a.to_string()
            }
        }
    }
}

/// Words that expand `’s` to `is` (`there’s`) rather than a possessive.
pub(super) const IS_CONTRACTIONS: &str = "\
    he here how it she that there what when where who why\
";

pub(super) fn is_acronym(raw: &str) -> bool {
    // The capitals test fails at the first lowercase letter of most words.
    raw.chars()
        .all(|c| c == '.' || (c.is_alphabetic() && c.is_uppercase()))
        && raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Pushes the token(s) of the word `text[range]`; `plain` when it is ASCII
/// letters and digits only.
pub(super) fn push_word<'t, S: KeySource<'t>>(
    text: &'t str,
    range: Range<usize>,
    space: bool,
    plain: bool,
    keys: &mut S,
    out: &mut Vec<Token<S::Key>>,
) {
    let raw = &text[range.clone()];
    let word = |r: Range<usize>, key: S::Key, space: bool| Token {
        acronym: is_acronym(&text[r.clone()]),
        range: r,
        key,
        word: true,
        space,
    };
    // Most words hold no apostrophe (`'`, `’` or `ʼ`): one byte test skips
    // the search for one.
    if plain || !raw.bytes().any(|b| matches!(b, b'\'' | 0xE2 | 0xCA)) {
        out.push(word(range, keys.cached(raw, KeyKind::Word), space));
        return;
    }
    if let Some((p, apos)) = raw
        .char_indices()
        .rev()
        .find(|&(_, c)| is_word_apostrophe(c))
    {
        let head = &raw[..p];
        let tail = fold(&raw[p + apos.len_utf8()..]);
        let head_key = fold(head);
        let split = |at: usize, k1: String, k2: &str, keys: &mut S, out: &mut Vec<_>| {
            let first = keys.computed(american(k1));
            out.push(word(range.start..range.start + at, first, space));
            let second = keys.computed(american(k2.to_string()));
            out.push(word(range.start + at..range.end, second, false));
        };
        if tail == "t" && head_key.len() > 1 && head.ends_with(['n', 'N']) {
            let stem = &head_key[..head_key.len() - 1];
            let k1 = match stem {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                "ai" => "is",
                s => s,
            };
            split(p - 1, k1.to_string(), "not", keys, out);
            return;
        }
        let expanded = match tail.as_str() {
            "re" => Some("are"),
            "ve" => Some("have"),
            "ll" => Some("will"),
            "m" => Some("am"),
            "d" => Some("would"),
            "s" if in_list(IS_CONTRACTIONS, &head_key) => Some("is"),
            "s" if head_key == "let" => Some("us"),
            _ => None,
        };
        if let Some(k2) = expanded {
            if !head_key.is_empty() {
                split(p, head_key, k2, keys, out);
                return;
            }
        }
        if tail == "s" && !head_key.is_empty() {
            // Possessive: `Russia’s` compares as `russia`, displays as written.
            out.push(word(range, keys.computed(american(head_key)), space));
            return;
        }
    }
    out.push(word(range, keys.cached(raw, KeyKind::Word), space));
}

/// Where a tokenizer gets its tokens' keys from.
pub(super) trait KeySource<'t> {
    type Key;
    /// The key of `raw`, a token of the text, computed as `kind` says.
    fn cached(&mut self, raw: &'t str, kind: KeyKind) -> Self::Key;
    /// A key computed from the text's words (a contraction's halves, a
    /// possessive's head).
    fn computed(&mut self, key: String) -> Self::Key;
}

/// Keys as strings, shared through the per-thread memo of [`token_key`]:
/// what diffs and displays compare.
pub(super) struct SharedKeys;

impl<'t> KeySource<'t> for SharedKeys {
    type Key = Rc<str>;

    fn cached(&mut self, raw: &'t str, kind: KeyKind) -> Rc<str> {
        token_key(raw, kind)
    }

    fn computed(&mut self, key: String) -> Rc<str> {
        Rc::from(key)
    }
}

/// Word ids of a [`Lexicon`], for linking: a word met before in the same
/// preparation is looked up by its characters in the text, and only a new
/// one has its key made (the words of a window's statements recur, and
/// building a shared key per token, then looking its id up by the key, was
/// most of tokenizing for linking). Punctuation gets no id
/// ([`NO_WORD`]): linking reads only words.
pub(super) struct WordIds<'t, 'l> {
    pub(super) lexicon: &'l mut Lexicon,
    pub(super) by_raw: &'l mut FastMap<&'t str, u32>,
}

/// The key [`WordIds`] gives a punctuation mark.
pub(super) const NO_WORD: u32 = u32::MAX;

impl<'t> KeySource<'t> for WordIds<'t, '_> {
    type Key = u32;

    fn cached(&mut self, raw: &'t str, kind: KeyKind) -> u32 {
        match kind {
            KeyKind::Punct => NO_WORD,
            // Abbreviations (`U.S.`) are few: their key is made each time.
            KeyKind::Abbreviation => self.lexicon.word_by_key(&token_key(raw, kind)),
            KeyKind::Word => {
                if let Some(&id) = self.by_raw.get(raw) {
                    return id;
                }
                let id = self.lexicon.word_by_key(&token_key(raw, kind));
                self.by_raw.insert(raw, id);
                id
            }
        }
    }

    fn computed(&mut self, key: String) -> u32 {
        self.lexicon.word_by_key(&key)
    }
}

/// What a token's raw text is, which says how its key is computed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyKind {
    /// A word without an apostrophe: folded, American spelling.
    Word,
    /// A dotted abbreviation: `U.S.` compares as `us`.
    Abbreviation,
    /// Punctuation: one form per family of marks.
    Punct,
}

impl KeyKind {
    pub(super) fn key(self, raw: &str) -> String {
        match self {
            KeyKind::Word => american(fold(raw)),
            KeyKind::Abbreviation => fold(&raw.replace('.', "")),
            KeyKind::Punct => punct_key(raw),
        }
    }
}

/// Keys are memoized per thread: every statement of a speaker bucket is
/// tokenized when its windows are linked and again when its cluster's diffs
/// are built, and news repeats a small vocabulary, so folding and respelling
/// each occurrence cost more than looking the word up.
pub(super) const TOKEN_KEY_CACHE_LIMIT: usize = 1 << 16;

/// Raw token text → (its kind, key).
pub(super) type TokenKeys = FastMap<Box<str>, (KeyKind, Rc<str>)>;

thread_local! {
    static TOKEN_KEYS: RefCell<TokenKeys> = RefCell::new(FastMap::default());
}

pub(super) fn token_key(raw: &str, kind: KeyKind) -> Rc<str> {
    TOKEN_KEYS.with(|cache| {
        if let Some((k, key)) = cache.borrow().get(raw) {
            if *k == kind {
                return Rc::clone(key);
            }
        }
        let key: Rc<str> = kind.key(raw).into();
        let mut cache = cache.borrow_mut();
        if cache.len() >= TOKEN_KEY_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(raw.into(), (kind, Rc::clone(&key)));
        key
    })
}

/// End (byte offset, exclusive) of a dotted abbreviation such as `U.S.`
/// that starts at byte `start` of `text`: two or more letter-and-period
/// pairs, not followed by a letter or digit.
pub(super) fn abbreviation_end(text: &str, start: usize) -> Option<usize> {
    let at = |p: usize| char_at(text, p);
    let mut j = start;
    let mut pairs = 0;
    while let Some(c) = at(j).filter(|c| c.is_alphabetic()) {
        if at(j + c.len_utf8()) != Some('.') {
            break;
        }
        pairs += 1;
        j += c.len_utf8() + 1;
        match at(j) {
            // `U.S.A.` goes on; `U.Sx` is no abbreviation.
            Some(n) if n.is_alphabetic() => {
                if at(j + n.len_utf8()) != Some('.') {
                    return None;
                }
            }
            _ => break,
        }
    }
    (pairs >= 2 && at(j).is_none_or(|c| !c.is_alphanumeric())).then_some(j)
}

/// Words (letters and digits, joined by apostrophes), dotted abbreviations
/// and punctuation marks (a run of periods is one), with their keys.
/// Steps byte by byte through ASCII and decodes only other characters:
/// every clustered statement is tokenized in each window that holds it and
/// again for its cluster's diffs.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, &mut SharedKeys)
}

/// [`tokenize`] with the keys `keys` makes.
pub(super) fn tokenize_with<'t, S: KeySource<'t>>(
    text: &'t str,
    keys: &mut S,
) -> Vec<Token<S::Key>> {
    let at = |p: usize| char_at(text, p);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut space = true;
    let mut p = 0;
    while let Some(&b) = bytes.get(p) {
        // ASCII spaces (the commonest character) without decoding.
        if crate::text::is_ascii_white_space(b) {
            space = true;
            p += 1;
            continue;
        }
        let Some(c) = at(p) else { break };
        if c.is_whitespace() {
            space = true;
            p += c.len_utf8();
            continue;
        }
        if crate::text::is_alphanumeric(c) {
            // An abbreviation's first letter is followed by its period.
            let abbreviation = if bytes.get(p + c.len_utf8()) == Some(&b'.') {
                abbreviation_end(text, p)
            } else {
                None
            };
            if let Some(end) = abbreviation {
                out.push(Token {
                    key: keys.cached(&text[p..end], KeyKind::Abbreviation),
                    acronym: true,
                    range: p..end,
                    word: true,
                    space,
                });
                p = end;
                space = false;
                continue;
            }
            let mut j = p + c.len_utf8();
            // Whether the word is ASCII letters and digits only, so holds no
            // apostrophe to split at.
            let mut plain = c.is_ascii();
            loop {
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                let Some(c) = at(j) else { break };
                let joins = is_word_apostrophe(c)
                    && at(j + c.len_utf8()).is_some_and(crate::text::is_alphanumeric);
                if crate::text::is_alphanumeric(c) || joins {
                    plain = false;
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            push_word(text, p..j, space, plain, keys, &mut out);
            p = j;
            space = false;
            continue;
        }
        let mut j = p + c.len_utf8();
        if c == '.' {
            while at(j) == Some('.') {
                j += 1;
            }
        }
        out.push(Token {
            key: keys.cached(&text[p..j], KeyKind::Punct),
            range: p..j,
            word: false,
            acronym: false,
            space,
        });
        p = j;
        space = false;
    }
    out
}

/// The form two versions are compared on: lowercase ASCII words and
/// punctuation marks separated by single spaces, with curly and straight quote
/// marks made one (`"`), every dash made `-`, apostrophes dropped, contractions
/// expanded (`there’s` → `there is`, `won’t` → `will not`), the possessive
/// `’s` dropped, and British spellings made American (`recognise` →
/// `recognize`, `centre` → `center`, `favour` → `favor`).
///
/// Only comparisons use it: every displayed text keeps the original words.
pub fn normalize_for_compare(text: &str) -> String {
    let tokens = tokenize(text);
    let mut out = String::with_capacity(text.len());
    for t in &tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.key);
    }
    out
}

// ---------------------------------------------------------------------------
// British and American spelling
// ---------------------------------------------------------------------------

/// British spellings that no rule below covers, with their American form
/// (`british:american`, separated by whitespace).
pub(super) const SPELLING_PAIRS: &str = "\
    acknowledgement:acknowledgment acknowledgements:acknowledgments ageing:aging \
    aluminium:aluminum anaemia:anemia analogue:analog calibre:caliber cancelled:canceled \
    cancelling:canceling catalogue:catalog centre:center centred:centered centres:centers \
    channelled:channeled counselling:counseling counsellor:counselor counsellors:counselors \
    defence:defense defences:defenses dialled:dialed enrol:enroll enrolment:enrollment \
    fibre:fiber foetus:fetus fuelled:fueled fuelling:fueling fulfil:fulfill \
    fulfilment:fulfillment fulfils:fulfills grey:gray instalment:installment \
    jewellery:jewelry judgement:judgment judgements:judgments kilometre:kilometer \
    kilometres:kilometers labelled:labeled labelling:labeling levelled:leveled \
    licence:license licences:licenses litre:liter litres:liters manoeuvre:maneuver \
    manoeuvres:maneuvers marvellous:marvelous metre:meter metres:meters modelled:modeled \
    modelling:modeling mould:mold offence:offense offences:offenses paediatric:pediatric \
    plough:plow practise:practice practised:practiced practising:practicing \
    pretence:pretense programme:program programmes:programs quarrelled:quarreled \
    sabre:saber sceptic:skeptic sceptical:skeptical scepticism:skepticism sceptics:skeptics \
    signalled:signaled signalling:signaling skilful:skillful sombre:somber spectre:specter \
    theatre:theater theatres:theaters totalled:totaled travelled:traveled \
    traveller:traveler travellers:travelers travelling:traveling tyre:tire tyres:tires \
    wilful:willful\
";

/// Stems spelled `-our` in British English and `-or` in American English
/// (`favour`, `favourite`, `honourable`, `labour`).
pub(super) const OUR_STEMS: &str = "\
    arb ard arm behavi cand clam col demean endeav fav ferv flav glam harb hon hum lab \
    neighb od parl rig rum sav splend tum val vap vig\
";

/// Words whose `-ise` is not the British form of an American `-ize`.
pub(super) const ISE_KEEP: &str = "\
    advertise advise appraise chastise comprise compromise concise demise despise devise \
    disguise enterprise excise exercise expertise franchise improvise incise likewise \
    merchandise otherwise paradise praise precise premise promise revise supervise surmise \
    surprise televise treatise\
";

pub(super) const ISE_SUFFIXES: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("isers", "izers"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yse", "yze"),
];

pub(super) fn spelling_table() -> &'static FastMap<&'static str, &'static str> {
    static TABLE: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        SPELLING_PAIRS
            .split_whitespace()
            .filter_map(|pair| pair.split_once(':'))
            .collect()
    })
}

/// The American spelling of a lowercase word (the word itself when no rule
/// applies).
pub(super) fn american(word: String) -> String {
    if let Some(us) = spelling_table().get(word.as_str()) {
        return us.to_string();
    }
    let mut out = word;
    if out.contains("our") {
        for stem in OUR_STEMS.split_whitespace() {
            if let Some(after) = out.strip_prefix(stem).and_then(|r| r.strip_prefix("our")) {
                out = format!("{stem}or{after}");
                break;
            }
        }
    }
    for (gb, us) in ISE_SUFFIXES {
        if let Some(stem) = out.strip_suffix(gb) {
            let base = format!("{stem}{}", if gb.starts_with('y') { "yse" } else { "ise" });
            if stem.len() >= 3 && !in_list(ISE_KEEP, &base) {
                out = format!("{stem}{us}");
            }
            break;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Content words
// ---------------------------------------------------------------------------

pub(super) const STOPWORDS: &str = "\
    a about above according across added after again against all along also although am \
    amid among amongst an and any are around as at be because been before being below \
    between both but by can cannot concerning could did do does doing down during each \
    either else even ever every few for from further had has have having he her here hers \
    herself him himself his how however i if in into is it its itself just let may me might \
    more most mr mrs ms much must my myself neither never no none nor not nothing now of \
    off on once only onto or other our ours ourselves out over own regarding said same say \
    saying says shall she should since so some still such than that the their theirs them \
    themselves then there these they this those though through to told too toward towards \
    under until up upon us very via was we were what when where whether which while whilst \
    who whom whose why will with within would yet you your yours yourself yourselves\
";

/// Negations carry meaning when classifying a change, though they are too
/// common to link statements by.
pub(super) const NEGATIONS: &str = "\
    cannot neither never no none nor not nothing\
";

pub(super) fn stopwords() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.split_whitespace().collect())
}

pub(super) fn negations() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| NEGATIONS.split_whitespace().collect())
}

pub(super) fn is_stopword(key: &str) -> bool {
    key.len() < 2 || stopwords().contains(key)
}

/// Content words for classifying a change: not stopwords, or negations.
pub(super) fn is_content(t: &Token) -> bool {
    t.word && (t.acronym || !is_stopword(&t.key) || negations().contains(&*t.key))
}

/// Suffixes the light stemmer strips, longest first.
pub(super) const SUFFIXES: &str = "\
    ically fully ously ively ities ments ions ians ings ment ness ical ally able ible ity \
    ion ian ing ful ous ive ies ied ed ly al ic ia s e y\
";

/// A light suffix-stripping stemmer: `hopefully`, `hopeful` → `hop`;
/// `negotiations`, `negotiating` → `negotiat`; `Ukrainian`, `Ukraine` →
/// `ukrain`. Stems only need to agree with each other, not to be words.
pub(super) fn stem(word: &str) -> &str {
    let mut w = word;
    for _ in 0..3 {
        let mut stripped = false;
        for &suf in suffixes() {
            if let Some(s) = w.strip_suffix(suf) {
                if s.len() < 3 {
                    continue;
                }
                if suf == "s" && (s.ends_with('s') || s.ends_with('u') || s.ends_with('i')) {
                    continue;
                }
                w = s;
                stripped = true;
                break;
            }
        }
        if !stripped {
            break;
        }
    }
    w
}

// ---------------------------------------------------------------------------
// Diffing
// ---------------------------------------------------------------------------
