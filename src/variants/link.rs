//! Linking statements into utterances: inverted indexes of word bigrams
//! (quote tier) and content stems (paraphrase tier) keyed by speaker,
//! candidate verification (longest common subsequence, shared stems) and the
//! union-find that joins links into groups.

use super::*;

/// Union-find over statements that also keeps, per set, its documents and
/// the span of its dates: the paraphrase tier links two sets only when the
/// result is still one utterance's reports (see [`cluster`]).
pub(super) struct UnionFind {
    pub(super) parent: Vec<u32>,
    /// Per root: the set's documents, sorted.
    pub(super) docs: Vec<Vec<u32>>,
    /// Per root: earliest and latest known day of the set.
    pub(super) days: Vec<Option<(i64, i64)>>,
    /// Per root: the set's representative, its fullest version.
    pub(super) rep: Vec<u32>,
    /// Per statement: sorts fullest first (quotes before reported speech,
    /// then more words, then earlier).
    pub(super) fullness: Vec<(u8, std::cmp::Reverse<usize>, u32)>,
}

impl UnionFind {
    pub(super) fn new(prepared: &[Prepared], statements: &[Statement]) -> Self {
        UnionFind {
            parent: (0..prepared.len() as u32).collect(),
            docs: prepared.iter().map(|p| vec![p.doc]).collect(),
            days: prepared.iter().map(|p| p.day.map(|d| (d, d))).collect(),
            rep: (0..prepared.len() as u32).collect(),
            fullness: prepared
                .iter()
                .zip(statements)
                .zip(0..)
                .map(|((p, s), i)| {
                    let rank = u8::from(!is_quote_kind(s.kind));
                    (rank, std::cmp::Reverse(p.words.len()), i)
                })
                .collect(),
        }
    }

    /// The representatives of the sets of `a` and `b`.
    pub(super) fn reps(&mut self, a: u32, b: u32) -> (u32, u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        (self.rep[ra as usize], self.rep[rb as usize])
    }

    /// Whether joining the sets of `a` and `b` keeps every document once
    /// and the dates within `max_days` of each other.
    pub(super) fn can_join_reports(&mut self, a: u32, b: u32, max_days: Option<u32>) -> bool {
        let (ra, rb) = (self.find(a) as usize, self.find(b) as usize);
        if ra == rb {
            return true;
        }
        if sorted_overlap(&self.docs[ra], &self.docs[rb]) > 0 {
            return false;
        }
        match (max_days, self.days[ra], self.days[rb]) {
            (Some(max), Some((lo_a, hi_a)), Some((lo_b, hi_b))) => {
                hi_a.max(hi_b) - lo_a.min(lo_b) <= i64::from(max)
            }
            _ => true,
        }
    }

    pub(super) fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }

    /// Joins two sets; the smaller index becomes the root.
    pub(super) fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi as usize] = lo;
            let (lo, hi) = (lo as usize, hi as usize);
            let moved = std::mem::take(&mut self.docs[hi]);
            let mut docs = std::mem::take(&mut self.docs[lo]);
            docs.extend(moved);
            self.docs[lo] = sorted_dedup(docs);
            let (x, y) = (self.rep[lo], self.rep[hi]);
            self.rep[lo] = if self.fullness[y as usize] < self.fullness[x as usize] {
                y
            } else {
                x
            };
            self.days[lo] = match (self.days[lo], self.days[hi].take()) {
                (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
                (x, y) => x.or(y),
            };
        }
    }
}

/// A hasher for the clustering's internal maps: fast on integer keys and
/// stable across runs. The maps are only looked up, never iterated, so their
/// order never reaches the output.
#[derive(Clone, Copy)]
pub(super) struct FastHasher(u64);

impl Default for FastHasher {
    fn default() -> Self {
        FastHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }

    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes per multiply: the keys hashed most are the words of
        // every clustered statement (token keys, interned words), so a byte
        // at a time cost more than the probe itself. The tail is read as one
        // zero-padded word with the length mixed in, so `ab` and `ab\0`
        // differ.
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            h = fold_word(h, crate::spool_fields::word_of(chunk));
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        self.0 = fold_word(h, u64::from_le_bytes(word) ^ ((bytes.len() as u64) << 56));
    }

    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }

    fn write_u64(&mut self, x: u64) {
        // One multiply, like a word of a string: `finish` mixes the whole.
        self.0 = fold_word(self.0, x);
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

/// One step of [`FastHasher`]: `x` (eight bytes of a key, or an integer
/// key) folded into the state with one multiply.
pub(super) fn fold_word(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(26)
}

/// A hasher for keys that are already well mixed 64-bit hashes (the
/// clustering index's features, see [`feature`]): mixing them again at each
/// of the index's two probes per feature is wasted.
#[derive(Clone, Copy, Default)]
pub(super) struct PremixedHasher(u64);

impl Hasher for PremixedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed here; any other key still hashes.
        let mut h = FastHasher(self.0);
        h.write(bytes);
        self.0 = h.finish();
    }

    fn write_u64(&mut self, x: u64) {
        self.0 ^= x;
    }
}

pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub(super) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// The SplitMix64 finaliser: spreads the bits of `x`.
pub(super) fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Index key of a feature: tier, speaker and up to two interned ids.
pub(super) fn feature(tier: u64, speaker: u32, a: u32, b: u32) -> u64 {
    mix(mix((tier << 32) | u64::from(speaker)) ^ ((u64::from(a) << 32) | u64::from(b)))
}

/// Interned normalised words, with what the paraphrase tier needs of each.
#[derive(Default)]
pub(super) struct Lexicon {
    /// Word id by key; the key is shared with `keys`.
    pub(super) ids: FastMap<Rc<str>, u32>,
    /// Per word id: its key.
    pub(super) keys: Vec<Rc<str>>,
    /// Per word id: its stem id (`None` for stopwords).
    pub(super) stems: Vec<Option<u32>>,
    pub(super) stem_ids: FastMap<String, u32>,
}

impl Lexicon {
    pub(super) fn word_by_key(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as u32;
        let key: Rc<str> = Rc::from(key);
        self.ids.insert(Rc::clone(&key), id);
        let stem = if is_stopword(&key) {
            None
        } else {
            let s = stem(&key);
            let next = self.stem_ids.len() as u32;
            Some(*self.stem_ids.entry(s.to_string()).or_insert(next))
        };
        self.keys.push(key);
        self.stems.push(stem);
        id
    }

    /// The content stem of a word token: acronyms (`US`, kept apart from the
    /// pronoun `us`) count even when their letters spell a stopword.
    pub(super) fn content_stem(&mut self, acronym: bool, word: u32) -> Option<u32> {
        if acronym && self.stems[word as usize].is_none() {
            let key = format!("{}#", self.keys[word as usize]);
            let next = self.stem_ids.len() as u32;
            return Some(*self.stem_ids.entry(key).or_insert(next));
        }
        self.stems[word as usize]
    }
}

/// What clustering needs of one statement.
pub(super) struct Prepared {
    /// Speaker id, `None` when the statement has no speaker or no words.
    pub(super) speaker: Option<u32>,
    pub(super) doc: u32,
    pub(super) day: Option<i64>,
    /// Interned normalised words, in order.
    pub(super) words: Vec<u32>,
    /// `words` sorted (with repeats): bounds the common subsequence cheaply.
    pub(super) bag: Vec<u32>,
    /// How many of `words` fall in each of 64 buckets of word ids (see
    /// [`WordBuckets::overlap_bound`]); all zero for more than 255 words.
    pub(super) buckets: WordBuckets,
    /// For at most 64 words, each distinct word with the positions it holds
    /// as bits, sorted by word (see [`lcs_len_in_one_word`]). Made when the
    /// statement is first verified as the shorter of a pair: most never are.
    pub(super) word_masks: std::cell::OnceCell<Vec<(u32, u64)>>,
    /// Words that are not stopwords (or are acronyms), sorted, deduplicated.
    pub(super) content_words: Vec<u32>,
    /// Content stems, sorted, deduplicated; in the paraphrase tier without
    /// the speaker's commonest.
    pub(super) content: Vec<u32>,
    /// Consecutive content stems (`direct talks`), packed, sorted.
    pub(super) content_pairs: Vec<u64>,
}

/// Days since 1970-01-01 of a date starting `YYYY-MM-DD`, `None` for any
/// other date.
pub fn day_number(date: &str) -> Option<i64> {
    parse_day(date)
}

/// Days since 1970-01-01 of a date starting `YYYY-MM-DD`.
pub(super) fn parse_day(date: &str) -> Option<i64> {
    let d = date.get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = d[..4].parse().ok()?;
    let m: i64 = d[5..7].parse().ok()?;
    let day: i64 = d[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

pub(super) fn sorted_dedup<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

pub(super) fn prepare(statements: &[Statement], opts: &VariantOptions) -> Vec<Prepared> {
    let mut speakers: FastMap<&str, u32> = FastMap::default();
    let mut docs: FastMap<&str, u32> = FastMap::default();
    let mut lexicon = Lexicon::default();
    let mut by_raw: FastMap<&str, u32> = FastMap::default();
    let mut prepared = Vec::with_capacity(statements.len());
    let mut sequences: Vec<Vec<u32>> = Vec::with_capacity(statements.len());
    for s in statements {
        let next = docs.len() as u32;
        let doc = *docs.entry(s.doc.as_str()).or_insert(next);
        let named = s
            .speaker
            .as_deref()
            .map(str::trim)
            .filter(|sp| !sp.is_empty());
        // Only a named speaker's statements take part: only their words are
        // interned.
        let tokens = if named.is_some() {
            let mut ids = WordIds {
                lexicon: &mut lexicon,
                by_raw: &mut by_raw,
            };
            tokenize_with(&s.text, &mut ids)
        } else {
            Vec::new()
        };
        let has_words = tokens.iter().any(|t| t.word);
        let speaker = named.filter(|_| has_words).map(|sp| {
            let next = speakers.len() as u32;
            *speakers.entry(sp).or_insert(next)
        });
        let (mut words, mut content_words, mut seq) = if speaker.is_some() {
            let n = tokens.len();
            (
                Vec::with_capacity(n),
                Vec::with_capacity(n),
                Vec::with_capacity(n),
            )
        } else {
            (Vec::new(), Vec::new(), Vec::new())
        };
        if speaker.is_some() {
            for t in tokens.iter().filter(|t| t.word) {
                let w = t.key;
                words.push(w);
                if let Some(stem) = lexicon.content_stem(t.acronym, w) {
                    seq.push(stem);
                    content_words.push(w);
                }
            }
        }
        let mut bag = words.clone();
        bag.sort_unstable();
        let buckets = WordBuckets::of(&words);
        let content_words = sorted_dedup(content_words);
        sequences.push(seq);
        prepared.push(Prepared {
            speaker,
            doc,
            day: parse_day(&s.date),
            words,
            bag,
            buckets,
            word_masks: std::cell::OnceCell::new(),
            content_words,
            content: Vec::new(),
            content_pairs: Vec::new(),
        });
    }
    // A stem in more than `speaker_common_share` of a prolific speaker's
    // statements says nothing about which utterance a statement reports.
    let mut per_speaker = vec![0usize; speakers.len()];
    let mut df: FastMap<u64, usize> = FastMap::default();
    let key = |sp: u32, stem: u32| (u64::from(sp) << 32) | u64::from(stem);
    for (p, seq) in prepared.iter().zip(&sequences) {
        let Some(sp) = p.speaker else { continue };
        per_speaker[sp as usize] += 1;
        for &stem in &sorted_dedup(seq.clone()) {
            *df.entry(key(sp, stem)).or_default() += 1;
        }
    }
    for (p, mut seq) in prepared.iter_mut().zip(sequences) {
        let Some(sp) = p.speaker else { continue };
        let total = per_speaker[sp as usize];
        if total >= opts.speaker_common_min {
            let limit = opts.speaker_common_share * total as f64;
            seq.retain(|&stem| df[&key(sp, stem)] as f64 <= limit);
        }
        p.content_pairs = sorted_dedup(
            seq.windows(2)
                .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
                .collect(),
        );
        p.content = sorted_dedup(seq);
    }
    prepared
}

/// Word bigrams (a lone word for one-word texts), keyed with the speaker,
/// sorted and distinct, into `out` (reused from statement to statement).
pub(super) fn quote_features(speaker: u32, words: &[u32], out: &mut Vec<u64>) {
    out.clear();
    if words.len() == 1 {
        out.push(feature(0, speaker, words[0], u32::MAX));
    } else {
        out.extend(words.windows(2).map(|w| feature(0, speaker, w[0], w[1])));
    }
    out.sort_unstable();
    out.dedup();
}

/// An inverted index from features to statement indices, with capped
/// posting lists, and a reusable counter for candidate lookups.
///
/// Each posting list is one contiguous slice of a shared pool, oldest
/// statement first. The common bigrams of a prolific speaker (`of the`, `we
/// will`) fill their lists to the cap, and every later statement of that
/// speaker reads them whole: read front to back, a list costs one cache miss
/// per 16 entries, where a chain of links through a pool costs one per entry
/// on a large corpus. A list lives in a slice whose capacity is its length
/// rounded up to a power of two (at most the cap) and moves to the pool's
/// end when it outgrows it, so millions of features still cost a few
/// allocations, not one each, and the pool uses fewer than four slots per
/// entry (about 2.4 on generated news).
pub(super) struct Index {
    /// Feature → (start of its slice in `pool`, list length).
    pub(super) heads: HashMap<u64, (u32, u32), BuildHasherDefault<PremixedHasher>>,
    /// The lists' statements; the slots of a slice past its list's length
    /// are free.
    pub(super) pool: Vec<u32>,
    pub(super) cap: u32,
    pub(super) counts: Vec<u32>,
    pub(super) touched: Vec<u32>,
    /// Buffers of the lookup (candidates with their counts, then the chosen
    /// indices it returns), kept so a statement's lookup allocates nothing.
    pub(super) found: Vec<(u32, u32)>,
    pub(super) chosen: Vec<u32>,
}

impl Index {
    /// An index of `n` statements holding at most `features` features in
    /// all (the table is sized once instead of growing step by step; the
    /// pool starts at one slot per feature and grows).
    pub(super) fn new(cap: usize, n: usize, features: usize) -> Self {
        Index {
            heads: HashMap::with_capacity_and_hasher(features, BuildHasherDefault::default()),
            pool: Vec::with_capacity(features),
            cap: cap.clamp(1, u32::MAX as usize) as u32,
            counts: vec![0; n],
            touched: Vec::new(),
            found: Vec::new(),
            chosen: Vec::new(),
        }
    }

    /// Earlier statements sharing features with `features`, most shared
    /// first (ties by index), skipping `skip(j)`; at most `limit`. Then adds
    /// statement `i` under its features (which must be distinct: the quote
    /// tier's are deduplicated by [`quote_features`], the paraphrase tier's
    /// come from distinct stems): each feature is looked up once for both.
    pub(super) fn candidates_then_insert(
        &mut self,
        features: &[u64],
        i: u32,
        limit: usize,
        skip: impl Fn(u32) -> bool,
    ) -> &[u32] {
        // The capacity of the slice holding a list of `len` statements.
        let capacity = |len: u32| len.checked_next_power_of_two().unwrap_or(u32::MAX);
        for f in features {
            let head = self.heads.entry(*f).or_insert((0, 0));
            let (start, len) = *head;
            for &j in &self.pool[start as usize..(start + len) as usize] {
                let count = &mut self.counts[j as usize];
                if *count == 0 {
                    self.touched.push(j);
                }
                *count += 1;
            }
            if len >= self.cap {
                continue;
            }
            let at = if len == 0 || len == capacity(len).min(self.cap) {
                // New, or its slice is full: the list moves to a slice of the
                // next capacity at the pool's end. Slices are addressed by
                // `u32`: a list that would move past that stays as it is (as
                // if full) rather than wrap around.
                let moved = self.pool.len();
                let grown = capacity(len + 1).min(self.cap) as usize;
                if u32::try_from(moved + grown).is_err() {
                    continue;
                }
                self.pool
                    .extend_from_within(start as usize..(start + len) as usize);
                self.pool.resize(moved + grown, 0);
                moved + len as usize
            } else {
                (start + len) as usize
            };
            self.pool[at] = i;
            *head = ((at - len as usize) as u32, len + 1);
        }
        let found = &mut self.found;
        found.clear();
        for &j in &self.touched {
            let c = std::mem::take(&mut self.counts[j as usize]);
            if !skip(j) {
                found.push((j, c));
            }
        }
        self.touched.clear();
        // A total order (count, then index): the chosen candidates and their
        // order do not depend on the order the lists were read in.
        let order = |x: &(u32, u32), y: &(u32, u32)| y.1.cmp(&x.1).then(x.0.cmp(&y.0));
        if found.len() > limit {
            found.select_nth_unstable_by(limit, order);
            found.truncate(limit);
        }
        found.sort_unstable_by(order);
        self.chosen.clear();
        self.chosen.extend(found.iter().map(|&(j, _)| j));
        &self.chosen
    }
}

/// Size of the common multiset of two sorted sequences. The merge steps
/// without branching on the comparison (which a processor cannot predict):
/// candidate pairs of clustering are verified with it.
pub(super) fn sorted_overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (&a[i], &b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Whether two sorted sequences have at least `needed` elements in common
/// (as multisets); stops as soon as the answer is known.
pub(super) fn sorted_overlap_reaches<T: Ord>(a: &[T], b: &[T], needed: usize) -> bool {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if n >= needed {
            return true;
        }
        if n + (a.len() - i).min(b.len() - j) < needed {
            return false;
        }
        let (x, y) = (&a[i], &b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n >= needed
}

/// Whether two prepared statements are versions of one quote.
pub(super) fn quote_match(a: &Prepared, b: &Prepared, opts: &VariantOptions) -> bool {
    let shorter = a.words.len().min(b.words.len());
    let needed = opts
        .quote_min_common
        .max((opts.quote_containment * shorter as f64 - 1e-9).ceil() as usize);
    // The common subsequence is at most the common multiset of words, which
    // is at most what the bucket counts allow.
    if shorter == 0
        || a.buckets.overlap_bound(&b.buckets) < needed
        || !sorted_overlap_reaches(&a.bag, &b.bag, needed)
        || !sorted_overlap_reaches(&a.content_words, &b.content_words, 1)
    {
        return false;
    }
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let common = if short.words.len() <= 64 {
        let masks = short.word_masks.get_or_init(|| word_masks(&short.words));
        lcs_len_in_one_word(masks, short.words.len(), &long.words)
    } else {
        lcs_len(&a.words, &b.words)
    };
    common >= needed
}

/// How many words of a statement fall in each of 64 buckets of word ids.
/// Two statements have at most `sum over buckets of min(count, count)`
/// words in common: a bound of 64 byte minimums that rejects most of the
/// candidate pairs of a prolific speaker (they share a bigram or a stem,
/// rarely 60% of their words) before the merge of their sorted words.
#[derive(Clone, Copy)]
pub(super) struct WordBuckets {
    pub(super) counts: [u8; 64],
    /// Whether the counts hold (no more than 255 words, so none overflows).
    pub(super) counted: bool,
}

impl WordBuckets {
    pub(super) fn of(words: &[u32]) -> Self {
        let mut counts = [0u8; 64];
        let counted = words.len() <= usize::from(u8::MAX);
        if counted {
            for &w in words {
                counts[(w & 63) as usize] += 1;
            }
        }
        WordBuckets { counts, counted }
    }

    /// An upper bound of the common multiset of the two statements' words
    /// (`usize::MAX` when either has too many words to count).
    pub(super) fn overlap_bound(&self, other: &WordBuckets) -> usize {
        if !(self.counted && other.counted) {
            return usize::MAX;
        }
        let common: u16 = self
            .counts
            .iter()
            .zip(&other.counts)
            .map(|(&x, &y)| u16::from(x.min(y)))
            .sum();
        usize::from(common)
    }
}

/// Each distinct word of `words` (at most 64) with the bit mask of its
/// positions, sorted by word (see [`Prepared::word_masks`]).
pub(super) fn word_masks(words: &[u32]) -> Vec<(u32, u64)> {
    debug_assert!(words.len() <= 64);
    let mut by_word: Vec<u64> = words
        .iter()
        .zip(0u64..)
        .map(|(&w, position)| (u64::from(w) << 6) | position)
        .collect();
    by_word.sort_unstable();
    let mut masks: Vec<(u32, u64)> = Vec::with_capacity(by_word.len());
    for &k in &by_word {
        let (w, bit) = ((k >> 6) as u32, 1u64 << (k & 63));
        match masks.last_mut() {
            Some((last, mask)) if *last == w => *mask |= bit,
            _ => masks.push((w, bit)),
        }
    }
    masks
}

/// [`lcs_len`] of a sequence of at most 64 words, given as its
/// [`word_masks`] and length, and `other`: the bit vector is one
/// machine word and each word's match mask is looked up, not built.
/// Verifying candidates of prolific speakers is where clustering a big
/// corpus spends its time; nearly every quote is this short.
pub(super) fn lcs_len_in_one_word(masks: &[(u32, u64)], len: usize, other: &[u32]) -> usize {
    debug_assert!(len <= 64);
    if len == 0 {
        return 0;
    }
    let mut v = u64::MAX;
    for &w in other {
        let Ok(k) = masks.binary_search_by_key(&w, |&(x, _)| x) else {
            continue;
        };
        let mask = masks[k].1;
        let u = v & mask;
        v = v.wrapping_add(u) | (v & !mask);
    }
    let used = if len == 64 {
        u64::MAX
    } else {
        (1u64 << len) - 1
    };
    (!v & used).count_ones() as usize
}

/// Length of the longest common subsequence of two word sequences, with the
/// bit-parallel algorithm of Allison and Dix (as refined by Hyyrö): one
/// pass over `b` updating a bit vector as long as `a`, 64 positions per
/// machine word. Verifying a candidate pair is the inner loop of
/// clustering; a full diff there cost more than all of extraction on
/// prolific speakers. Equal to the common length of an optimal diff.
pub(super) fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.is_empty() {
        return 0;
    }
    let blocks = a.len().div_ceil(64);
    // Positions of each word of `a`, sorted by word: the match mask of a
    // word of `b` is built from its run.
    let mut by_word: Vec<(u32, usize)> = a.iter().copied().zip(0..).collect();
    by_word.sort_unstable();
    let mut v = vec![u64::MAX; blocks];
    let mut mask = vec![0u64; blocks];
    for &w in b {
        let lo = by_word.partition_point(|&(x, _)| x < w);
        let hi = lo + by_word[lo..].partition_point(|&(x, _)| x == w);
        if lo == hi {
            continue;
        }
        for &(_, pos) in &by_word[lo..hi] {
            mask[pos / 64] |= 1 << (pos % 64);
        }
        let mut carry = 0u64;
        for k in 0..blocks {
            let x = v[k];
            let u = x & mask[k];
            let (sum, c1) = x.overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(carry);
            carry = u64::from(c1 || c2);
            v[k] = sum | (x & !mask[k]);
        }
        for &(_, pos) in &by_word[lo..hi] {
            mask[pos / 64] = 0;
        }
    }
    // Each zero among the first `a.len()` bits is one matched word.
    let full = a.len() / 64;
    let mut zeros: usize = v[..full].iter().map(|x| x.count_zeros() as usize).sum();
    let rest = a.len() % 64;
    if rest > 0 {
        zeros += (!v[full] & ((1u64 << rest) - 1)).count_ones() as usize;
    }
    zeros
}

/// Paraphrase score of two prepared statements: (containment, evidence).
pub(super) fn paraphrase_score(
    a: &Prepared,
    b: &Prepared,
    opts: &VariantOptions,
) -> Option<(f64, usize)> {
    if let (Some(max), Some(x), Some(y)) = (opts.paraphrase_max_days, a.day, b.day) {
        if (x - y).abs() > i64::from(max) {
            return None;
        }
    }
    let shared = sorted_overlap(&a.content, &b.content);
    let smaller = a.content.len().min(b.content.len());
    if smaller == 0 || shared < opts.paraphrase_min_shared.max(1) {
        return None;
    }
    let evidence = shared + sorted_overlap(&a.content_pairs, &b.content_pairs);
    let containment = shared as f64 / smaller as f64;
    (evidence >= opts.paraphrase_min_evidence && containment >= opts.paraphrase_containment)
        .then_some((containment, evidence))
}

pub(super) fn is_quote_kind(kind: Kind) -> bool {
    matches!(kind, Kind::Direct | Kind::Fragment | Kind::Mixed)
}

/// The groups of statements [`cluster`] links (indices into `statements`,
/// ascending; groups of two or more, in no particular order), before the
/// [`VariantOptions::min_docs`] filter and the diffs. The spool of a big
/// corpus links overlapping windows of a speaker bucket with it and joins
/// the groups that share a statement.
pub fn linked_groups(statements: &[Statement], opts: &VariantOptions) -> Vec<Vec<usize>> {
    let prepared = prepare(statements, opts);
    let n = statements.len();
    let mut uf = UnionFind::new(&prepared, statements);
    // (statement, other document) slots already holding a link.
    let mut taken: FastSet<(u32, u32)> = FastSet::default();
    // Each statement's document and speaker, side by side: the candidates of
    // a lookup are checked against them without reading their whole
    // preparations.
    let doc_speaker: Vec<(u32, Option<u32>)> =
        prepared.iter().map(|p| (p.doc, p.speaker)).collect();
    let other_speaker_or_doc = |p: &Prepared, j: u32| {
        let (doc, speaker) = doc_speaker[j as usize];
        doc == p.doc || speaker != p.speaker
    };

    let quote_features_at_most = prepared
        .iter()
        .zip(statements)
        .filter(|(p, s)| p.speaker.is_some() && is_quote_kind(s.kind))
        .map(|(p, _)| p.words.len())
        .sum();
    let mut index = Index::new(opts.max_postings, n, quote_features_at_most);
    let mut features: Vec<u64> = Vec::new();
    for (i, p) in prepared.iter().enumerate() {
        let Some(sp) = p.speaker else { continue };
        if !is_quote_kind(statements[i].kind) {
            continue;
        }
        quote_features(sp, &p.words, &mut features);
        let cands = index.candidates_then_insert(&features, i as u32, opts.max_candidates, |j| {
            other_speaker_or_doc(p, j)
        });
        for &j in cands {
            let q = &prepared[j as usize];
            if quote_match(q, p, opts) && joins_versions(&mut uf, &prepared, opts, j, i as u32) {
                uf.union(j, i as u32);
                taken.insert((i as u32, q.doc));
                taken.insert((j, p.doc));
            }
        }
    }
    drop(index);

    if opts.paraphrase {
        let content_features_at_most = prepared
            .iter()
            .filter(|p| p.speaker.is_some())
            .map(|p| p.content.len())
            .sum();
        let mut index = Index::new(opts.max_postings, n, content_features_at_most);
        let mut pairs: Vec<(f64, usize, u32, u32)> = Vec::new();
        for (i, p) in prepared.iter().enumerate() {
            let Some(sp) = p.speaker else { continue };
            features.clear();
            features.extend(p.content.iter().map(|&c| feature(1, sp, c, 0)));
            let cands =
                index.candidates_then_insert(&features, i as u32, opts.max_candidates, |j| {
                    other_speaker_or_doc(p, j)
                });
            for &j in cands {
                let reported = |k: usize| !statements[k].kind.is_quoted();
                if !reported(i) && !reported(j as usize) {
                    // Two quotes of one speaker that share too few words to
                    // pass the quote tier are two utterances.
                    continue;
                }
                if let Some((score, evidence)) = paraphrase_score(&prepared[j as usize], p, opts) {
                    pairs.push((score, evidence, j, i as u32));
                }
            }
        }
        pairs.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then(y.1.cmp(&x.1))
                .then(x.2.cmp(&y.2))
                .then(x.3.cmp(&y.3))
        });
        for (_, _, j, i) in pairs {
            let (dj, di) = (prepared[j as usize].doc, prepared[i as usize].doc);
            if taken.contains(&(i, dj)) || taken.contains(&(j, di)) {
                continue;
            }
            // Links are checked against the sets they would join, not only
            // the pair: a prolific speaker's reported remarks otherwise
            // chain, week after week, through one shared topic after
            // another into one "utterance" of thousands of statements.
            if !uf.can_join_reports(j, i, opts.paraphrase_max_days) {
                continue;
            }
            let (rj, ri) = uf.reps(j, i);
            let (a, b) = (&prepared[rj as usize], &prepared[ri as usize]);
            if (rj, ri) != (j, i)
                && !quote_match(a, b, opts)
                && paraphrase_score(a, b, opts).is_none()
            {
                continue;
            }
            taken.insert((i, dj));
            taken.insert((j, di));
            uf.union(j, i);
        }
    }

    let mut groups: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let root = uf.find(i as u32);
        groups.entry(root).or_default().push(i);
    }
    groups.into_values().filter(|m| m.len() > 1).collect()
}

/// Whether a quote-tier link between `j` and `i` may join their sets: the
/// sets' fullest versions must themselves be versions of one quote. A short
/// stock phrase (`We'll see.`, `We are getting there.`) is part of many
/// different long quotes of a speaker; linked to each of them, it would
/// chain all of them into one "utterance". It joins the first long quote it
/// is part of, and a second long quote only when that one is a version of
/// the first.
pub(super) fn joins_versions(
    uf: &mut UnionFind,
    prepared: &[Prepared],
    opts: &VariantOptions,
    j: u32,
    i: u32,
) -> bool {
    let (rj, ri) = uf.reps(j, i);
    (rj, ri) == (j, i)
        || rj == ri
        || quote_match(&prepared[rj as usize], &prepared[ri as usize], opts)
}
