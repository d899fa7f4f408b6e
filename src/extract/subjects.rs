//! A cue's subject: the noun phrase to its left (past appositives, titles and
//! adjuncts) or to its right in an inverted frame, and a participle's
//! subject.

use super::*;

impl Extractor {
    /// The subject noun phrase ending right before token `end`.
    pub(super) fn subject_left(&self, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
        if end == 0 {
            return None;
        }
        if let Some(name) = given_name_before(toks, end) {
            return Some(name);
        }
        // `A soldier nicknamed “Tiger” told reporters`, `who gave only his
        // call sign, “Tiger,” said`: the quoted name is the speaker.
        if toks[end - 1].mark.is_some_and(|(_, open)| !open) {
            if let Some(open) = quoted_name_open(toks, end - 1) {
                let last_word = (open + 1..end - 1).rev().find(|&k| toks[k].word)?;
                return Some((open + 1, last_word + 1));
            }
        }
        let last = &toks[end - 1];
        // Relative clause: `Rubio, who referred to ...`
        if last.is("who") || last.is("which") {
            if end >= 2 && toks[end - 2].is_comma() {
                // `Michael Anton, the State Department's director of policy
                // planning, who told ...`: the name before the appositive.
                let appositive_open = (end.saturating_sub(16)..end - 2)
                    .rev()
                    .find(|&c| toks[c].is_comma() || !toks[c].word || toks[c].quote.is_some())
                    .filter(|&c| toks[c].is_comma());
                let named = appositive_open
                    .and_then(|c| self.np_left(toks, c))
                    .filter(|&(a, b)| toks[a..b].iter().all(|t| t.cap && !t.poss));
                if named.is_some() {
                    return named;
                }
                return self.np_left(toks, end - 2);
            }
            return self.np_left(toks, end - 1);
        }
        // Appositive or parenthetical between commas: `Yuriy Sak, an adviser to ..., called`
        if last.is_comma() {
            // Not a comma inside brackets: `Elin Bergqvist, a researcher at
            // the Swedish Institute of International Affairs (Utrikespolitiska
            // institutet, UI), said`.
            let mut depth = 0usize;
            let open = (0..end - 1).rev().find(|&k| {
                match toks[k].lower {
                    ")" => depth += 1,
                    "(" => depth = depth.saturating_sub(1),
                    _ => {}
                }
                depth == 0 && toks[k].is_comma() && toks[k].quote.is_none()
            })?;
            if let Some(subject) = self.appositive_chain_subject(toks, end - 1) {
                return Some(subject);
            }
            // (A relative clause runs longer than an appositive: `De Wever,
            // who last year blocked an EU plan for a “reparations loan”
            // backed by the assets, said ...`.)
            let relative = toks.get(open + 1).is_some_and(|t| t.is("who"));
            if end - 1 - open > if relative { 32 } else { 16 } {
                return None;
            }
            // `Its head, Alexei Likhachev, told ...`: the name in the
            // appositive is the speaker.
            // `The commander of the brigade, Lieutenant Colonel Dmytro
            // Kuzmenko, told ...`: the name's titles come with it.
            let whole = &toks[open + 1..end - 1];
            // `Their leader, a former IT manager named Yulia Danylenko,
            // said`: the name the appositive gives is the speaker.
            // A noun before `named`, not `who named`, `newly named`.
            // `His business partner, a Russian national surnamed Orlov,
            // said`: a surname alone too.
            let named = whole
                .iter()
                .rposition(|t| t.is("named") || t.is("surnamed"))
                .filter(|&p| {
                    let name = &whole[p + 1..];
                    // `Another resident of Heihe, surnamed Wang, said`: the
                    // appositive that only gives the surname.
                    let surname_only = p == 0 && whole[0].is("surnamed");
                    (surname_only
                        || (p > 0
                            && !matches!(whole[p - 1].lower, "who" | "which" | "that")
                            && !whole[p - 1].lower.ends_with("ly")))
                        && (1..=4).contains(&name.len())
                        && name
                            .iter()
                            .all(|t| t.word && t.cap && !t.poss && !self.is_title_word(t.lower))
                });
            if let Some(p) = named {
                return Some((open + 2 + p, end - 1));
            }
            let titles = whole
                .iter()
                .take_while(|t| t.word && t.cap && self.is_title_word(t.lower))
                .count();
            let titles = titles.min(3);
            let mut inner = &whole[titles..];
            // `The bill's lead Republican sponsor, Sen. Garrett Holloway of
            // Kansas, says`: a titled name with its state or country.
            if let Some(of) = inner.iter().position(|t| t.is("of")) {
                let place = &inner[of + 1..];
                if titles > 0
                    && of > 0
                    && (1..=3).contains(&place.len())
                    && place.iter().all(|t| t.word && t.cap)
                {
                    inner = &inner[..of];
                }
            }
            let is_role =
                |t: &Tok| !t.cap && (ANON_NOUNS.contains(t.lower) || self.is_title_word(t.lower));
            let proper_name = !inner.is_empty()
                && inner.len() <= 4
                && inner
                    .iter()
                    .all(|t| t.word && t.cap && !self.is_title_word(t.lower))
                && (match self.np_left(toks, open) {
                    Some((a, b)) => {
                        let described = &toks[a..b];
                        // `A spokesperson for the Kremlin, Dmitry Peskov, told
                        // ...`: a role head makes the phrase a description,
                        // whatever names it holds.
                        // `The Foreign Secretary, Yvette Cooper, told ...`.
                        described.iter().all(|t| {
                            !t.cap
                                || t.poss
                                || self.is_title_word(t.lower)
                                || NOUN_DETERMINERS.contains(t.lower)
                        }) || described.iter().any(is_role)
                    }
                    // `South Africa's minister of international relations,
                    // Thandeka Mokoena, said`: a role whose complement is
                    // no noun phrase the speaker rules read.
                    None => toks[..open]
                        .iter()
                        .rev()
                        .take(8)
                        .take_while(|t| t.word && t.quote.is_none())
                        .any(is_role),
                }
                // `The Chairman of the House of Representatives Committee on
                // Diaspora, Tochukwu Okere, said`, `The chairperson of the
                // Nigerians in Diaspora Commission (NiDCOM), Abike
                // Dabiri-Erewa, said`: a role with its body's long name
                // before the person named.
                || (inner.len() >= 2
                    && toks[..open]
                        .iter()
                        .rev()
                        .take(16)
                        .take_while(|t| {
                            (t.word || t.punct("(") || t.punct(")")) && t.quote.is_none()
                        })
                        .any(|t| matches!(self.lex.title(t.lower), Some(TitleKind::Role)))));
            // `the so-called head of the occupation administration of
            // Crimea, Sergei Aksyonov, claimed`: a first name and a surname
            // between the commas are a person, whatever the description.
            let full_name = inner.len() >= 2
                && inner.len() <= 4
                && inner.iter().all(|t| t.word && t.cap && !t.poss)
                && self.is_first_name(inner[0].lower);
            if proper_name || full_name {
                return Some((open + 1, open + 1 + titles + inner.len()));
            }
            // `Her colleague, Mallow native Declan Hegarty, said`: a short
            // description, then a first name and a surname.
            let described_name = (1..inner.len().min(4)).find(|&p| {
                (2..=3).contains(&(inner.len() - p))
                    && (self.is_first_name(inner[p].lower) || !inner[p - 1].cap)
                    // (Not `the Virginia Democrat`, `a Vermont Independent`.)
                    && !DETERMINERS.contains(inner[0].lower)
                    && inner[p..].iter().all(|t| t.word && t.cap && !t.poss)
                    // (Not `The ministry, run by Olena Petrenko, said`.)
                    && inner[..p].iter().all(|t| {
                        t.word
                            && t.quote.is_none()
                            && !t.finite_or_modal()
                            && !PREPOSITIONS.contains(t.lower)
                            && !t.looks_past_tense()
                            && !t.looks_participle()
                    })
            });
            if let Some(p) = described_name {
                return Some((open + 1 + titles + p, open + 1 + titles + inner.len()));
            }
            // `Sen. Dale Marchetti, R-Ohio, a member of the Armed Services
            // Committee, said`: a party and state between commas is the
            // name's too.
            let described = self.np_left(toks, open);
            if let Some((a, b)) = described {
                let party_state = b == a + 1 && is_party_state(toks[a].lower);
                if party_state && a >= 2 && toks[a - 1].is_comma() {
                    return self.np_left(toks, a - 1);
                }
                if let Some(person) = self.member_before_body(toks, (a, b)) {
                    return Some(person);
                }
            }
            return described;
        }
        // `Olha Stefanishyna, appearing on ABC's “This Week,” said ...`: an
        // appositive ending in a quoted title, its comma inside the marks.
        if last.mark.is_some_and(|(_, open)| !open) && end >= 2 && toks[end - 2].is_comma() {
            let (q, _) = last.mark?;
            let opening = toks[..end - 1]
                .iter()
                .rposition(|t| t.is_mark(q as usize, true))?;
            let short_title = end - 1 - opening <= 8;
            let open = toks[..opening]
                .iter()
                .rposition(|t| t.is_comma() && t.quote.is_none())?;
            let appositive = toks
                .get(open + 1)
                .is_some_and(|t| t.looks_participle() || PREPOSITIONS.contains(t.lower));
            if short_title && appositive && opening - open <= 10 {
                return self.np_left(toks, open);
            }
            return None;
        }
        if last.mark.is_some() {
            return None;
        }
        let np = self.np_left(toks, end)?;
        if let Some(person) = self.member_before_body(toks, np) {
            return Some(person);
        }
        // `Irish Foreign Minister Simon Harris and his Dutch counterpart
        // said`: the one named speaks for the pair.
        let (a, _) = np;
        let partner =
            a >= 3 && matches!(toks[a - 1].lower, "his" | "her" | "their") && toks[a - 2].is("and");
        if partner {
            if let Some(named) = self.np_left(toks, a - 2) {
                return Some(named);
            }
        }
        Some(np)
    }

    /// `Rep. Yoo Sang-bum of the main opposition People Power Party said`:
    /// the noun phrase `np` found before a cue is the body a titled name
    /// (or a first name and surname) belongs to, after `of the` and a few
    /// plain words; the name is the speaker.
    pub(super) fn member_before_body(
        &self,
        toks: &[Tok],
        np: (usize, usize),
    ) -> Option<(usize, usize)> {
        let (a, _) = np;
        let of = (a.saturating_sub(5)..a)
            .rev()
            .find(|&x| toks[x].is("of"))
            .filter(|&x| x >= 2 && x + 2 <= a && toks[x + 1].is("the"))?;
        let between_plain = toks[of + 2..a]
            .iter()
            .all(|t| t.word && !t.cap && t.quote.is_none() && !t.finite_or_modal());
        let person = self.np_left(toks, of).filter(|&(p, q)| {
            toks[p..q].iter().all(|t| t.word && t.cap && !t.poss)
                && (self.is_title_word(toks[p].lower) || self.is_first_name(toks[p].lower))
        });
        person.filter(|_| between_plain)
    }

    /// The subject at the head of a chain of appositives and relative
    /// clauses ending with the comma at `comma`, right before the cue:
    /// `Ken Sawchuk, a third-generation grain farmer near Vegreville, Alta.,
    /// said`, `Denis Thibault, who led Canada's training mission in
    /// Ukraine, Operation Unifier, in 2019, said`. The phrase before the
    /// last comma is inside the chain (`Alta.`, `in 2019`), so the speaker
    /// is the noun phrase that opens the clause, when the segment after it
    /// opens an appositive (`who`, `a`, `the`, a possessive, a participle).
    /// An opening adverbial (`On Tuesday,`, `But`) is stepped over.
    pub(super) fn appositive_chain_subject(
        &self,
        toks: &[Tok],
        comma: usize,
    ) -> Option<(usize, usize)> {
        const MAX_CHAIN: usize = 48;
        let floor = comma.saturating_sub(MAX_CHAIN);
        // The clause starts after a sentence boundary, a quotation or a
        // semicolon, colon or dash.
        let start = (floor..comma)
            .rev()
            .find(|&i| {
                let t = &toks[i];
                t.quote.is_some()
                    || t.mark.is_some()
                    || (!t.word && matches!(t.lower, ";" | ":" | "—" | "–"))
            })
            .map(|i| i + 1)
            .or((floor == 0).then_some(0))?;
        // Commas inside brackets (`Sen. Margaret Holloway (R., Neb.),`)
        // separate nothing.
        let mut depth = 0usize;
        let mut commas: Vec<usize> = Vec::new();
        for (i, t) in toks.iter().enumerate().take(comma + 1).skip(start) {
            match t.lower {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ if depth == 0 && t.is_comma() => commas.push(i),
                _ => {}
            }
        }
        // One segment between the subject and the cue is the ordinary
        // appositive the caller reads, unless it is longer than the caller
        // reads (`Kubina, a former refinery executive who joined the
        // government last year and has led Bratislava's side of the
        // negotiations, added`).
        const CALLER_APPOSITIVE: usize = 16;
        let long_single = commas.len() == 2 && comma - commas[0] > CALLER_APPOSITIVE;
        if commas.len() < 3 && !long_single {
            return None;
        }
        let mut seg_start = start;
        if toks
            .get(seg_start)
            .is_some_and(|t| matches!(t.lower, "but" | "and" | "yet" | "meanwhile"))
        {
            seg_start += 1;
        }
        // Up to two adverbials before the subject: `In Sulina, where the
        // Danube meets the Black Sea, fisherman Gheorghe Ivanov, 58, a
        // member of the Lipovan Russian community, said`.
        for (segment, &seg_end) in commas.iter().take(3).enumerate() {
            // An age (`Gheorghe Ivanov, 58, a member of ...`).
            let aged = toks
                .get(seg_end + 1)
                .is_some_and(|t| t.word && t.lower.bytes().all(|b| b.is_ascii_digit()));
            let opens_appositive = aged
                || toks.get(seg_end + 1).is_some_and(|t| {
                    t.word
                        && (matches!(
                        t.lower,
                        "who"
                            | "whose"
                            | "which"
                            | "a"
                            | "an"
                            | "the"
                            | "now"
                            | "then"
                            | "himself"
                            | "herself"
                    ) || t.poss
                        // `Angela Ruiz, D-Calif., a member of ...`
                        || is_party_state(t.lower)
                        // `director-general of ...`, `deputy chair of ...`
                        || (!t.cap
                            && !t.finite_or_modal()
                            && !PREPOSITIONS.contains(t.lower)
                            && !matches!(t.lower, "and" | "or" | "but" | "that"))
                        || t.looks_participle()
                        || t.looks_past_tense())
                });
            let np = self
                .np_left(toks, seg_end)
                // A description the phrase does not take in (`Retired
                // major-general Denis Thibault`, `Grain grower Tony
                // Bianchi`), not a preposition or verb (`In Brussels`).
                .filter(|&(a, _)| {
                    a >= seg_start
                        && a - seg_start <= 3
                        && toks[seg_start..a].iter().enumerate().all(|(n, t)| {
                            t.word
                                && t.quote.is_none()
                                && (n == 0 || !t.cap)
                                && !PREPOSITIONS.contains(t.lower)
                                && !t.finite_or_modal()
                        })
                })
                .filter(|&(a, b)| {
                    // A name, or a description of a source: not a place
                    // or time that opens the sentence (`In Brussels,`).
                    let words = &toks[a..b];
                    !PREPOSITIONS.contains(words[0].lower)
                        && words.iter().any(|t| {
                            (t.cap && !t.poss)
                                || ANON_NOUNS.contains(t.lower)
                                || self.is_title_word(t.lower)
                        })
                });
            // After two adverbials only a person's phrase (`fisherman
            // Gheorghe Ivanov`), not the rest of a list (`when Russia
            // seized Crimea, Donetsk and Luhansk, the foreign minister`).
            // (`Jörg Hähnel, 63, a retired machinist, says`: a name and
            // an age.)
            let np = np.filter(|&(a, b)| {
                segment < 2
                    || (toks[a..b].iter().all(|t| !t.is("and"))
                        && (aged
                            || toks[a..b].iter().any(|t| {
                                self.is_first_name(t.lower)
                                    || (!t.cap
                                        && (ANON_NOUNS.contains(t.lower)
                                            || self.is_title_word(t.lower)))
                            })))
            });
            // `The Minister of Foreign Affairs, Mauro Vieira, who chaired
            // the meeting with the Chinese envoy, Li Hui, said`: a
            // description, the name in apposition, then a relative clause
            // (whose own appositives name others): the name is the subject.
            let named_then_relative = np.is_some()
                && !opens_appositive
                && toks.get(seg_end + 1).is_some_and(|t| t.word && t.cap)
                && commas.get(segment + 1).is_some_and(|&next| {
                    toks.get(next + 1)
                        .is_some_and(|t| matches!(t.lower, "who" | "whose"))
                });
            if named_then_relative {
                let next = commas[segment + 1];
                let name = self
                    .np_left(toks, next)
                    .filter(|&(a, b)| a == seg_end + 1 && toks[a..b].iter().all(|t| t.cap));
                if name.is_some() {
                    return name;
                }
            }
            if let Some(np) = np {
                return opens_appositive.then_some(np);
            }
            // Not a noun phrase: an opening adverbial (`On Tuesday,`,
            // `Asked about the plan,`) before the subject.
            seg_start = seg_end + 1;
        }
        None
    }

    /// Reads a speaker noun phrase leftwards from `end` (exclusive).
    pub(super) fn np_left(&self, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
        let (a, b) = self.np_left_unbracketed(toks, end)?;
        // `Ministry of External Affairs (MEA) spokesperson Randhir Jaiswal
        // said`: a body's abbreviation in brackets inside the phrase, its
        // name before it (not a gloss: `the Vazrazhdane (Revival) party,
        // Kostadin Kostadinov, called ...`).
        let abbreviation = bracket_before(toks, a).filter(|&open| {
            let inside = &toks[open + 1..a - 1];
            (1..=2).contains(&inside.len())
                && inside.iter().all(|t| t.word && t.upper)
                && toks[open - 1].word
                && !toks[open - 1].poss
        });
        if let Some(open) = abbreviation {
            if let Some((named, _)) = self.np_left_unbracketed(toks, open) {
                return Some((named, b));
            }
        }
        Some((a, b))
    }

    /// [`Self::np_left`] without a bracketed abbreviation inside the phrase.
    fn np_left_unbracketed(&self, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
        if end == 0 {
            return None;
        }
        // `the head of Defense Intelligence of Ukraine (HUR), Kyrylo
        // Budanov, warned`: the note in brackets is not the phrase's.
        if let Some(open) = bracket_before(toks, end) {
            return self.np_left(toks, open);
        }
        let last = &toks[end - 1];
        if !last.word || last.quote.is_some() {
            return None;
        }
        if PRONOUNS.contains(last.lower) {
            return Some((end - 1, end));
        }
        // `the 54-year-old teacher said`, `the 67-year-old said`: a person
        // described by age, whom [`Extractor::resolve_np`] finds among the
        // people just named.
        let aged = (end.saturating_sub(4)..end).find(|&a| {
            a > 0
                && toks[a].lower.ends_with("-year-old")
                && is_age(toks[a].lower)
                && toks[a - 1].is("the")
                && toks[a + 1..end]
                    .iter()
                    .all(|t| t.word && !t.cap && t.quote.is_none())
        });
        if let Some(a) = aged {
            return Some((a - 1, end));
        }
        // Partitive: `One of them said ...`, `Two of them, who asked not to be
        // named, said ...`.
        if last.lower == "them"
            && end >= 3
            && toks[end - 2].is("of")
            && PARTITIVE_QUANTIFIERS.contains(toks[end - 3].lower)
        {
            return Some((end - 3, end));
        }
        // Anonymous source with a post-modifier: `A source familiar with the paper`.
        // Twenty words take in a relative clause with its reason (`A
        // Bishkek-based trader who asked not to be named because of the
        // sensitivity of the matter said`).
        for back in 2..=20.min(end) {
            let a = end - back;
            let t = &toks[a];
            if ANON_NOUNS.contains(t.lower) {
                let rest: Vec<&str> = toks[a + 1..end].iter().map(|t| t.lower).collect();
                // A post-modifier takes an object (`familiar with the
                // talks`), except the anonymity phrase, which is whole.
                let post =
                    ANON_POSTMODIFIERS.iter().any(|p| {
                        let whole = matches!(p.last(), Some(&("anonymity" | "knowledge")));
                        (rest.len() > p.len() || (whole && rest.len() == p.len()))
                            && rest[..p.len()] == **p
                    }) || (rest.len() > 1 && rest[0] == "of" && RELATIONAL_NOUNS.contains(t.lower));
                // A relative clause has its own verbs; other post-modifiers
                // end before one (`an adviser to the prime minister told
                // state television`), a noun after a determiner aside
                // (`familiar with the plans`).
                // `Exporters of seafood, textiles and coffee say`: what a
                // trade deals in may be a list, commas and all.
                let listed = |n: usize| {
                    rest[0] == "of"
                        && RELATIONAL_NOUNS.contains(t.lower)
                        && rest[n + 1..].iter().any(|&w| w == "and" || w == "or")
                };
                let clean = toks[a + 1..end].iter().enumerate().all(|(n, t)| {
                    let after_determiner =
                        toks[a + n].word && NOUN_DETERMINERS.contains(toks[a + n].lower);
                    if t.is_comma() && n > 1 && listed(n) {
                        return true;
                    }
                    t.word
                        && t.quote.is_none()
                        && if rest[0] == "who" {
                            !matches!(t.lower, "that" | "said" | "says" | "told" | "tells")
                        } else {
                            // Nor a regular past (`volunteers from Norway
                            // imported 390 megawatts`): the phrase is a
                            // clause's subject, not a source.
                            !(FINITE_VERBS.contains(t.lower) || (n > 0 && t.looks_past_tense()))
                                || after_determiner
                                // A reduced relative inside the phrase
                                // (`The father of a soldier killed in
                                // Bakhmut told Reuters`): a participle
                                // followed by a place or time preposition.
                                || (n > 0
                                    && !FINITE_VERBS.contains(t.lower)
                                    && toks.get(a + n + 2).is_some_and(|next| {
                                        a + n + 2 < end
                                            && matches!(
                                                next.lower,
                                                "in" | "at" | "near" | "during" | "outside"
                                            )
                                    }))
                                // `familiar with Kyiv's revised proposal`
                                || toks[a + n].poss
                        }
                });
                // `thanked the soldiers in his address and said`: a
                // conjunction before the cue ends no source phrase.
                let conjoined = matches!(toks[end - 1].lower, "and" | "but" | "or" | "then");
                if post && clean && !conjoined {
                    let start = self.np_left(toks, a + 1).map_or(a, |(s, _)| s);
                    return Some((start, end));
                }
            }
            // (Past the commas of a list, to what its `of` phrase
            // follows: `Producers of coffee, tea and rice said`.)
            let in_list =
                t.is_comma() && toks[a + 1..end].iter().any(|t| t.is("and") || t.is("or"));
            if !(t.word || in_list) {
                break;
            }
        }
        let mut a = end;
        while a > 0 {
            let t = &toks[a - 1];
            // `Mitsui & Co. said`, `Johnson & Johnson said`: an ampersand
            // between the capitalised words of a company's name.
            let ampersand = t.lower == "&" && a >= 2 && a < end && toks[a - 2].cap && toks[a].cap;
            if ampersand {
                a -= 1;
                continue;
            }
            if !t.word || t.quote.is_some() {
                break;
            }
            let l = t.lower;
            // `a diplomatic source`, `parliamentary sources`: an adjective
            // before an unnamed source's noun describes the source.
            let source_adjective = a < end
                && ANON_NOUNS.contains(toks[end - 1].lower)
                && !t.cap
                && ["ic", "al", "ary", "ian", "ive"]
                    .iter()
                    .any(|s| l.ends_with(s))
                && !FUNCTION_WORDS_BEFORE_SOURCES.contains(l);
            // `the crossbench peer`, `the veteran senator`: one word
            // describing a role, right after its determiner; `A grieving
            // mother said`, `An exhausted nurse said`: or an unnamed source.
            let role_adjective = a + 1 == end
                && a >= 2
                && matches!(toks[a - 2].lower, "the" | "a" | "an")
                && (self.lex.title(toks[end - 1].lower) == Some(TitleKind::Role)
                    || ANON_NOUNS.contains(toks[end - 1].lower))
                && !t.finite_or_modal()
                && !FUNCTION_WORDS_BEFORE_SOURCES.contains(l)
                // `a second diplomat` is another of the same kind.
                && !matches!(
                    l,
                    "first" | "second" | "third" | "fourth" | "fifth" | "other" | "same" | "next"
                );
            let accept = t.cap
                // `Shell plc said`
                || (a == end && a >= 2 && toks[a - 2].cap && COMPANY_SUFFIXES.contains(l))
                || source_adjective
                || role_adjective
                || self.lex.title(l).is_some()
                || self.lex.demonyms.contains_key(l)
                || ANON_NOUNS.contains(l)
                || INSTITUTION_HEADS.contains(l)
                // `the Libek think tank said`
                || (l == "think" && a < end && matches!(toks[a].lower, "tank" | "tanks"))
                || DOCUMENT_NOUNS.contains(l)
                // `Her husband said`: whose relative, read below.
                || (a == end
                    && KIN_NOUNS.contains(l)
                    && a >= 2
                    && matches!(toks[a - 2].lower, "his" | "her"))
                // `The Interfax news agency`, `the Kan public broadcaster`.
                // (Not before a comma: `According to the PAP news agency,
                // the head of ..., said`.)
                || (!t.cap
                    && toks.get(end).is_none_or(|n| !n.is_comma())
                    && ((a == end && NEWS_SOURCES.contains(l))
                        || (a < end && a + 1 == end && l == "news"
                            && NEWS_SOURCES.contains(toks[a].lower))))
                || matches!(
                    l,
                    "senior"
                        | "top"
                        | "former"
                        | "unnamed"
                        | "anonymous"
                        | "western"
                        | "european"
                        | "foreign"
                        | "military"
                        | "intelligence"
                        | "government"
                        | "administration"
                        | "ukrainian"
                        | "russian"
                        | "american"
                        | "british"
                        | "french"
                        | "german"
                        | "defense"
                        | "defence"
                        | "security"
                        | "high-ranking"
                        | "white"
                        | "other"
                        | "local"
                        | "regional"
                        | "presidential"
                        | "press"
                        | "deputy"
                        | "chief"
                        | "special"
                        | "retired"
                        | "current"
                        | "air"
                        // `The Kan public broadcaster reported`
                        | "public"
                        | "national"
                        | "state-run"
                        | "state-owned"
                        | "independent"
                        | "private"
                        // `the Russian side`, `the Ukrainian leadership`
                        // (a country speaking as one; `the other side` is no one).
                        | "side"
                        | "leadership"
                )
                // `Marek Zalewski of the farmers' union`: a possessor
                // noun before a body's head.
                || (t.poss && !t.cap && a < end && INSTITUTION_HEADS.contains(toks[a].lower))
                // `the bloc's top diplomat`, `the alliance's chief`: a
                // possessor noun after `the`, before a title word.
                || (t.poss
                    && a < end
                    && a >= 2
                    && toks[a - 2].is("the")
                    && self.is_title_word(toks[a].lower))
                // `32 allies`; not a clock time (`12:00 Zelensky said`).
                || (t.lower.chars().all(|c| c.is_ascii_digit() || c == '%')
                    && !(a >= 2 && toks[a - 2].punct(":")))
                || (a < end && t.lower.len() <= 5 && particle_in_name(toks, a - 1))
                // `the secretary of state said`
                || (l == "state"
                    && a >= 3
                    && toks[a - 2].is("of")
                    && toks[a - 3].lower.starts_with("secretar"));
            if DETERMINERS.contains(l) && a < end {
                // `Headquarters for the Treatment of Prisoners of War`
                // `the head of the Kharkiv Regional Military
                // Administration`: a title's complement.
                // `The Russian mission to the EU`, `adviser to the President`:
                // whom a mission or role serves.
                let inside_name = a >= 3
                    && matches!(toks[a - 2].lower, "for" | "of" | "on" | "to")
                    && (toks[a - 3].cap
                        || MISSIONS.contains(toks[a - 3].lower)
                        || (self.is_title_word(toks[a - 3].lower)
                            && !toks[a - 3].lower.ends_with('s')))
                    && toks[a].cap;
                if inside_name || (a >= 2 && self.name_before_from(toks, a - 1)) {
                    a -= 1;
                    continue;
                }
                // `one of the diplomats said`: a source of the group.
                let partitive = a >= 3
                    && toks[a - 2].is("of")
                    && PARTITIVE_QUANTIFIERS.contains(toks[a - 3].lower)
                    && ANON_NOUNS.contains(toks[end - 1].lower);
                if partitive {
                    a -= 3;
                    break;
                }
                a -= 1;
                break;
            }
            // `The Russian embassy in London said`, `the embassy on Orwell
            // Road`: the mission is the speaker, not where it sits.
            if matches!(l, "in" | "on" | "at")
                && a < end
                && a >= 2
                && toks[a].cap
                && MISSIONS.contains(toks[a - 2].lower)
            {
                a -= 1;
                continue;
            }
            if (l == "of" || l == "for" || l == "to") && a < end && a >= 2 {
                let left = &toks[a - 2];
                if self.lex.title(left.lower).is_some()
                    || left.cap
                    || ANON_NOUNS.contains(left.lower)
                    || MISSIONS.contains(left.lower)
                {
                    a -= 1;
                    continue;
                }
                break;
            }
            // `Associate Professor Lim Wei Jie from the S Rajaratnam School
            // of International Studies said`: a name and where the person
            // is from.
            if l == "from" && a < end {
                if self.name_before_from(toks, a) {
                    a -= 1;
                    continue;
                }
                break;
            }
            // `Foreign Minister and Deputy Premier Antonio Tajani said`:
            // two titles of one person, before the name. Not two people
            // (`The Prime Minister and President Macron said`: a title after
            // `the` is a phrase of its own; `The Minister and President
            // said`: no name).
            let two_titles = l == "and"
                && a < end
                && a >= 2
                && toks[a].cap
                && self.is_title_word(toks[a].lower)
                && toks[a - 2].cap
                && matches!(self.lex.title(toks[a - 2].lower), Some(TitleKind::Role))
                && !self.is_title_word(toks[end - 1].lower)
                && {
                    let first_title = (0..a - 1)
                        .rev()
                        .take_while(|&k| toks[k].cap && self.is_title_word(toks[k].lower))
                        .last()
                        .unwrap_or(a - 2);
                    first_title == 0 || !DETERMINERS.contains(toks[first_title - 1].lower)
                };
            if two_titles {
                a -= 1;
                continue;
            }
            // `The Center for Strategic and International Studies said`:
            // `and` inside a body's name (not `Zelensky and Macron said`).
            if l == "and" && a < end && a >= 2 && toks[a].cap && toks[a - 2].cap {
                // Common words on both sides, not a body, country or
                // name of its own (`The Ministry of Energy and Naftogaz`,
                // `The Kyiv School of Economics and Yale University`, `The
                // Bank of Finland and Sweden`).
                let common = |t: &Tok| {
                    t.is("the")
                        || (t.word
                            && !t.poss
                            && t.cap
                            && !INSTITUTION_HEADS.contains(t.lower)
                            && !self.lex.demonyms.contains_key(t.base())
                            && self.registry.lookup(t.base()).is_none())
                };
                let in_body_name = (a.saturating_sub(6)..a - 1)
                    .rev()
                    .find(|&k| matches!(toks[k].lower, "for" | "of"))
                    .is_some_and(|k| {
                        k >= 1
                            && toks[k - 1].cap
                            && INSTITUTION_HEADS.contains(toks[k - 1].lower)
                            && toks[k + 1..a - 1].iter().all(common)
                            && toks[a..end].len() <= 3
                            && toks[a..end].iter().all(common)
                    });
                if in_body_name {
                    a -= 1;
                    continue;
                }
            }
            if !accept || (NOT_NAMES.contains(l) && a < end && !t.cap) {
                break;
            }
            if t.cap && NOT_NAMES.contains(l) && a == end {
                return None;
            }
            if t.cap && NOT_NAMES.contains(l) {
                break;
            }
            a -= 1;
        }
        if a == end {
            return None;
        }
        // A leading preposition-less capital that starts the sentence is fine;
        // drop a dangling `of`/`for`/`to` at the left edge.
        while a < end && matches!(toks[a].lower, "of" | "for" | "to") {
            a += 1;
        }
        // `Some in Washington say ...`: a part of the place's people.
        if a >= 2
            && toks[a - 1].is("in")
            && toks[a].cap
            && PART_QUANTIFIERS.contains(toks[a - 2].lower)
        {
            a -= 2;
        }
        // `Elly Schlein of the centre-left Democratic Party (PD) accused`,
        // `Marek Zalewski of the farmers' union said`: a person named
        // before the body they belong to, described in words the body's
        // name does not take in.
        if a < end {
            let mut k = a;
            while k > a.saturating_sub(3)
                && k > 0
                && toks[k - 1].word
                && toks[k - 1].quote.is_none()
                && !toks[k - 1].cap
                && (toks[k - 1].lower.contains('-')
                    || toks[k - 1].poss
                    || matches!(
                        toks[k - 1].lower,
                        "ruling"
                            | "opposition"
                            | "governing"
                            | "main"
                            | "conservative"
                            | "liberal"
                            | "nationalist"
                            | "populist"
                            | "independent"
                    ))
            {
                k -= 1;
            }
            // The body's `the`, taken in already or not.
            let the_at = if toks[a].is("the") {
                Some(a)
            } else {
                (k >= 1 && toks[k - 1].is("the")).then(|| k - 1)
            };
            let person_of = the_at.filter(|&t| {
                t >= 2
                    && toks[t - 1].is("of")
                    && toks[t - 2].cap
                    && !toks[t - 2].poss
                    && !INSTITUTION_HEADS.contains(toks[t - 2].lower)
                    && !self.is_title_word(toks[t - 2].lower)
            });
            if let Some(t) = person_of {
                // The name's last two words are a full name.
                if let Some((start, _)) = self
                    .np_left(toks, t - 1)
                    .filter(|&(s, e)| e - s >= 2 && toks[e - 2].cap && !toks[e - 2].poss)
                {
                    a = start;
                }
            }
        }
        // `..., his office said.`: the possessive names whose office;
        // `Her husband said`, whose relative.
        if a > 0
            && a + 1 == end
            && matches!(toks[a - 1].lower, "his" | "her")
            && (INSTITUTION_HEADS.contains(toks[a].lower) || KIN_NOUNS.contains(toks[a].lower))
        {
            a -= 1;
        }
        (a < end).then_some((a, end))
    }

    /// Whether `toks[from - 1]` is `from` after a name of two words or more
    /// (`Lim Wei Jie from the S Rajaratnam School`): where the person is
    /// from belongs to the subject.
    pub(super) fn name_before_from(&self, toks: &[Tok], from: usize) -> bool {
        from >= 3 && toks[from - 1].is("from") && {
            let left = &toks[from - 2];
            left.cap
                && !left.poss
                && toks[from - 3].cap
                && !self.is_title_word(left.lower)
                && !INSTITUTION_HEADS.contains(left.lower)
        }
    }

    /// Reads a speaker noun phrase rightwards from `start` (inverted order,
    /// `according to`).
    pub(super) fn np_right(&self, toks: &[Tok], start: usize) -> Option<(usize, usize)> {
        // `said a platoon commander who asked that his name not be
        // published`: a relative clause is not part of the speaker's phrase.
        let mut b = start;
        while b < toks.len()
            && toks[b].word
            && toks[b].quote.is_none()
            && !(b > start && matches!(toks[b].lower, "who" | "whose" | "which"))
        {
            b += 1;
        }
        if b == start {
            return None;
        }
        Some((start, b))
    }

    /// The subject of a participle (`..., saying that`) or of a coordinated
    /// verb: the previous frame's speaker in this sentence, else the nearest
    /// name followed by a verb.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn participle_subject(
        &self,
        frames: &[Frame],
        fi: usize,
        toks: &[Tok],
        text: &str,
        hint: &Option<(usize, Speaker)>,
        ctx: &mut DocCtx,
    ) -> Option<Speaker> {
        let cue_i = frames[fi].cue_i;
        let opening = opening_clause_end(toks);
        // `Fidan said Ankara supported ..., but added that ...`: a frame
        // inside another's content (`Ankara supported`) is not the clause
        // the coordinated verb continues.
        let embedded = |f: &Frame| {
            let st = f.subj.map_or(f.cue_i, |(a, _)| a);
            // `..., officials said, adding that`: a trailing attribution
            // closes the content before it.
            f.kind_hint == FrameKind::Normal
                && frames.iter().any(|g| {
                    g.cue_j <= st
                        && matches!(g.kind_hint, FrameKind::Normal | FrameKind::Ascriptive)
                        && g.content.is_some_and(|(cs, _)| cs <= st)
                        // `Asked whether Japan supports ..., Takaichi said
                        // ..., but stressed`: the question's clause ends
                        // before the answer.
                        && !opening.is_some_and(|end| g.cue_i < end && st > end)
                })
        };
        if let Some(prev) = frames[..fi]
            .iter()
            .rev()
            .find(|f| f.speaker.is_some() && f.cue_i < cue_i && !embedded(f))
        {
            // `..., the government said Tuesday, underlining the balancing
            // act Tokyo faces.`: a participle of emphasis with a bare object
            // after an attribution is the reporter's gloss on what was
            // said, not a second statement (`, adding that ...`, `, calling
            // it “...”` and `, proposing territorial swaps` are statements).
            let f = &frames[fi];
            let gloss = f.participle
                && matches!(
                    f.form.lemma.as_str(),
                    "underline" | "underscore" | "highlight"
                )
                && toks.get(f.cue_j).is_some_and(|t| !t.is("that"))
                && f.kind_hint == FrameKind::Normal
                && cue_i > 0
                && toks[cue_i - 1].is_comma()
                && f.content.is_some_and(|(cs, ce)| {
                    toks[cs..ce.min(toks.len())]
                        .iter()
                        .all(|t| t.quote.is_none() && t.mark.is_none())
                });
            if gloss {
                return None;
            }
            // Only when no other clause subject intervenes.
            return prev.speaker.clone();
        }
        // Nearest mention followed by a verb-ish word; a subordinate
        // clause's (`Beijing protested after the EU added ..., and warned`)
        // only when the main clause has none.
        let mut subordinate_subject = None;
        let mut k = cue_i;
        while k > 0 {
            k -= 1;
            let t = &toks[k];
            if !t.word || t.quote.is_some() || t.poss {
                continue;
            }
            let next = toks.get(k + 1);
            let verbish = next.is_some_and(|n| {
                n.word
                    && !n.cap
                    && (FINITE_VERBS.contains(n.lower)
                        || n.looks_past_tense()
                        || self.lex.cues.longest_at(&[n.lower]).is_some()
                        || SKIPPABLE.contains(n.lower))
            });
            if !verbish {
                continue;
            }
            if let Some((a, b)) = self.np_left(toks, k + 1) {
                // `with Lammy, who ...` is not a subject; `after Trump signaled` is.
                let clause_joining = matches!(
                    toks.get(a.wrapping_sub(1)).map(|t| t.lower),
                    Some(
                        "after"
                            | "before"
                            | "since"
                            | "until"
                            | "as"
                            | "while"
                            | "when"
                            | "because"
                    )
                );
                if a > 0 && PREPOSITIONS.contains(toks[a - 1].lower) && !clause_joining {
                    continue;
                }
                // `Lavrov briefed Wang on the talks, saying ...`: a verb's
                // object is not the one saying (an attribution inverted
                // after a speech verb, `said Wang, adding`, still is; a verb
                // taking a recipient never inverts).
                let object = a > 0 && {
                    let v = &toks[a - 1];
                    v.word
                        && !v.cap
                        && v.quote.is_none()
                        && match self.lex.cues.longest_at(&[v.lower]) {
                            Some((f, _)) => f.classes.recipient,
                            None => FINITE_VERBS.contains(v.lower) || v.looks_past_tense(),
                        }
                };
                // `He declined to comment on whether Ukraine should join,
                // saying ...`: a subordinate clause's subject is not the one
                // saying.
                let subordinate = a > 0 && matches!(toks[a - 1].lower, "whether" | "that" | "if");
                if object || subordinate {
                    continue;
                }
                // `Petrenko confirmed on Monday, volunteers registered ...,
                // adding that ...`: the subject of a reported clause is not
                // the one adding; the reporting clause's subject is.
                let reported = toks[..a]
                    .iter()
                    .rposition(|t| {
                        t.word
                            && !t.cap
                            && t.quote.is_none()
                            && self.lex.cues.longest_at(&[t.lower]).is_some_and(|(f, _)| {
                                f.classes.clause && !f.classes.noun && !f.participle
                            })
                    })
                    .is_some_and(|c| {
                        !toks[c..a]
                            .iter()
                            .any(|t| t.is("and") || t.is("but") || t.punct(";") || t.is("while"))
                    });
                if reported {
                    continue;
                }
                if let Some(sp) = self.resolve_np(&toks[a..b], text, ctx, &None, toks[a].start) {
                    if clause_joining {
                        subordinate_subject.get_or_insert(sp);
                        continue;
                    }
                    return Some(sp);
                }
            }
        }
        // `Former president Dmitry Medvedev, now deputy chairman of ...,
        // went further, saying that ...`: the sentence's subject.
        hint.as_ref()
            .filter(|(pos, _)| *pos < toks[cue_i].start)
            .map(|(_, s)| s.clone())
            .or(subordinate_subject)
    }
}
