//! Resolving a subject to a speaker: names, titles, roles, anonymous sources,
//! bodies and pronouns against the document's actors and the registry.

use super::*;

impl Extractor {
    /// Turns a speaker noun phrase into a speaker.
    pub(super) fn resolve_np(
        &self,
        np: &[Tok],
        text: &str,
        ctx: &mut DocCtx,
        hint: &Option<(usize, Speaker)>,
        at: usize,
    ) -> Option<Speaker> {
        if np.is_empty() {
            return None;
        }
        let mention = join_text(np, text);
        // `Another resident, who gave his name only as Andrei, said`, `said
        // a taxi driver who asked to be identified only by his first name,
        // Sergei`: the person the description's relative clause names.
        if let Some(who) = np.iter().position(|t| t.is("who")) {
            let named = (who + 1..np.len())
                .filter(|&k| names::gives_name_at(np, k))
                .find_map(|k| ctx.actors.find(&text[np[k].start..np[k].end]));
            if let Some(k) = named.filter(|&k| ctx.actors.known[k].kind == ActorKind::Person) {
                let described: Vec<Tok> = np[..who].iter().filter(|t| t.word).copied().collect();
                let role = self.title_words(&described);
                let roles = &mut ctx.actors.known[k].roles;
                if !role.is_empty() && !roles.contains(&role) {
                    roles.push(role);
                }
                return Some(speaker_of(&ctx.actors.known[k], mention));
            }
        }
        // An appositive left open (`As Yuri Ushakov, Putin's foreign policy
        // adviser put it, ...`) or a description then a name (`the minister,
        // Oleh Tkach`): the name is the speaker, not a source described by
        // all of it.
        if let Some(comma) = np.iter().position(|t| t.is_comma()) {
            let (left, right) = (&np[..comma], &np[comma + 1..]);
            for (part, description) in [(left, right), (right, left)] {
                let run: Vec<Tok> = part.iter().filter(|t| t.word).copied().collect();
                if run.is_empty() || !run.iter().all(|t| t.cap && !t.poss) {
                    continue;
                }
                if let Some(k) = self.name_from_run(&run, text, ctx) {
                    if ctx.actors.known[k].kind == ActorKind::Person {
                        // The description is the person's role: `the
                        // adviser` later in the article is them.
                        let described: Vec<Tok> =
                            description.iter().filter(|t| t.word).copied().collect();
                        let role = self.title_words(&described);
                        let roles = &mut ctx.actors.known[k].roles;
                        if !role.is_empty() && !roles.contains(&role) {
                            roles.push(role);
                        }
                        let found = speaker_of(&ctx.actors.known[k], mention);
                        // `according to a statement by the spokesman, Tamim
                        // Khallaf. The statement added that ...`: the
                        // document is the named person's.
                        if let Some(document) =
                            described.iter().find(|t| DOCUMENT_NOUNS.contains(t.lower))
                        {
                            ctx.last_document = Some((singular(document.lower), found.clone()));
                        }
                        return Some(found);
                    }
                }
            }
        }
        // `Some in Washington say ...`: an unnamed part of a place's
        // people, not the place's government.
        if np.len() >= 3
            && np[1].is("in")
            && PART_QUANTIFIERS.contains(np[0].lower)
            && np[2..].iter().all(|t| t.word && t.cap)
        {
            let place = &np[2..];
            let affiliation = self
                .registry
                .lookup(&join_base(place, text))
                .map(|id| self.registry.get(id).affiliation.clone())
                .or_else(|| self.lex.demonyms.get(place[0].base()).cloned())
                .unwrap_or_default();
            return Some(Speaker {
                name: Some(format!("{} in {}", np[0].lower, join_text(place, text))),
                mention,
                anonymous: true,
                affiliation,
                person: false,
                gender: None,
            });
        }
        let mut words: Vec<&Tok> = np.iter().filter(|t| t.word).collect();
        let mut indefinite = false;
        let mut definite = false;
        while words.first().is_some_and(|t| {
            DETERMINERS.contains(t.lower) || t.lower.chars().all(|c| c.is_ascii_digit())
        }) {
            let d = words.remove(0);
            indefinite |= d.lower != "the";
            definite |= d.lower == "the";
        }
        // `The Russian embassy on Orwell Road said`: the street a body
        // sits on says where it is, not who speaks.
        if let Some(p) = words.iter().position(|t| t.is("on") || t.is("at")) {
            let located = p > 0
                && p + 1 < words.len()
                && !words[p - 1].cap
                && INSTITUTION_HEADS.contains(words[p - 1].lower)
                && words[p + 1..].iter().all(|t| t.cap);
            if located {
                words.truncate(p);
            }
        }
        // `The Interfax news agency said`, `The Kan public broadcaster
        // reported`: the outlet named before what kind it is.
        if let [first, rest @ .., last] = words.as_slice() {
            let named = words.iter().take_while(|t| t.cap && !t.poss).count();
            let kind_after = named > 0
                && !last.cap
                && NEWS_SOURCES.contains(last.lower)
                && rest[named.saturating_sub(1)..].iter().all(|t| {
                    matches!(
                        t.lower,
                        "news"
                            | "public"
                            | "state"
                            | "state-run"
                            | "state-owned"
                            | "national"
                            | "private"
                            | "independent"
                            | "commercial"
                            | "wire"
                            | "press"
                    )
                });
            // `The Turkish state broadcaster`, `Russian state media`: a
            // nationality is no outlet's name.
            // `Western media`, `Eastern European outlets`: nor a region.
            let nationality = words[..named].iter().any(|t| {
                self.lex.demonyms.contains_key(t.base())
                    || matches!(
                        t.lower,
                        "western" | "eastern" | "northern" | "southern" | "local" | "foreign"
                    )
            });
            if kind_after && first.cap && !nationality {
                let run: Vec<Tok> = words[..named].iter().map(|&&t| t).collect();
                let name = join_base(&run, text);
                return Some(match self.registry.lookup(&name) {
                    Some(id) => registered_speaker(self.registry.get(id), mention, false),
                    None => {
                        let k = ctx.actors.add(Known::unregistered_body(name));
                        speaker_of(&ctx.actors.known[k], mention)
                    }
                });
            }
        }
        // `one of the diplomats said`, `according to one of Meduza's
        // sources`: one of a group of sources is a source of its kind.
        if indefinite
            && words.first().is_some_and(|t| t.is("of"))
            && words.last().is_some_and(|t| ANON_NOUNS.contains(t.lower))
        {
            words.remove(0);
            let group_named = words.first().is_some_and(|t| t.is("the"));
            while words.first().is_some_and(|t| DETERMINERS.contains(t.lower)) {
                words.remove(0);
            }
            // `According to two administration officials ... “...,” one of
            // the officials said`: one of the group just quoted.
            let head = words.last().map(|t| singular(t.lower));
            let group = ctx.anon.iter().rev().find(|g| {
                head.as_deref()
                    .is_some_and(|h| g.name.as_deref().is_some_and(|n| n.ends_with(h)))
            });
            if let Some(found) = group.filter(|_| group_named) {
                return Some(Speaker {
                    mention,
                    ..found.clone()
                });
            }
        }
        if !indefinite && words.first().is_some_and(|t| is_age(t.lower)) {
            // The head before any complement: `the 46-year-old mother of
            // three` is a woman.
            let before_complement = words
                .iter()
                .position(|t| PREPOSITIONS.contains(t.lower))
                .unwrap_or(words.len());
            let want = words[..before_complement]
                .last()
                .and_then(|t| gender_of_noun(t.lower));
            let fits = |m: &&Mention| want.is_none() || m.gender.is_none() || m.gender == want;
            let recent = || ctx.mentions.iter().rev().take(8);
            // `the 79-year-old patriarch`: the one with that title first;
            // then a person for sure (`Asia and the Middle East` read as a
            // name is not `the 58-year-old`); then anyone named.
            let head = words[..before_complement]
                .last()
                .filter(|t| !is_age(t.lower))
                .map(|t| t.lower);
            let titled = |m: &&Mention| {
                head.is_some_and(|h| {
                    ctx.actors.known[m.known]
                        .roles
                        .iter()
                        .any(|r| r.iter().any(|w| w == h))
                })
            };
            let found = recent()
                .filter(titled)
                .find(fits)
                .or_else(|| {
                    recent()
                        .filter(|m| ctx.actors.known[m.known].is_sure_person())
                        .find(fits)
                })
                .or_else(|| recent().find(fits))
                .map(|m| Speaker {
                    mention: mention.clone(),
                    ..m.speaker(&ctx.actors.known)
                });
            // `The 46-year-old mother of three, who fled Kharkiv, said`
            // with no woman named before: a source described, read below
            // without the age.
            let described = words.get(1).is_some_and(|t| ANON_NOUNS.contains(t.lower));
            if found.is_some() || !described {
                return found;
            }
            words.remove(0);
        }
        if words.is_empty() {
            // `One senior EU diplomat described the mood as “panic”.
            // Another said ...`: another source of the kind just quoted.
            if np.len() == 1 && np[0].is("another") {
                return ctx.anon.last().map(|found| Speaker {
                    mention,
                    ..found.clone()
                });
            }
            return None;
        }
        // `Amid reports that ...`, `Following reports that ...`: a
        // sentence-initial preposition before a noun is no speaker.
        if words.len() == 1
            && (PREPOSITIONS.contains(words[0].lower)
                || matches!(
                    words[0].lower,
                    "following" | "meanwhile" | "however" | "amidst"
                ))
        {
            return None;
        }
        // `The G7 leaders issued a joint statement after the meeting. It says
        // the G7 will ...`: `it` opening the next sentence is the document.
        let after_issued = ctx.issued_document_end.is_some_and(|end| {
            at > end
                && text
                    .get(end..at)
                    .is_some_and(|between| between.trim().len() <= 1)
        });
        if words.len() == 1 && words[0].is("it") && after_issued {
            if let Some((_, source)) = &ctx.last_document {
                return Some(Speaker {
                    mention,
                    ..source.clone()
                });
            }
        }
        // Pronouns.
        if words.len() == 1 && PRONOUNS.contains(words[0].lower) {
            return self.resolve_pronoun(words[0].lower, ctx, hint, at, &mention);
        }
        // `his office said`: the office of the person `his` refers to.
        // `Her husband said`: a relative the article leaves unnamed, a
        // person of the noun's gender (`A pause, he says, ...` after it is
        // theirs), described by whose relative they are.
        if words.len() == 2 && matches!(words[0].lower, "his" | "her") {
            let pronoun = if words[0].is("his") { "he" } else { "she" };
            let relative = KIN_NOUNS.contains(words[1].lower);
            let owner = self
                .resolve_pronoun(pronoun, ctx, hint, at, &mention)
                .and_then(|o| Some((o.name?, o.affiliation)));
            let (name, affiliation) = match owner {
                Some((owner_name, affiliation)) => {
                    (format!("{owner_name}'s {}", words[1].lower), affiliation)
                }
                None if relative => (words[1].lower.to_string(), String::new()),
                None => return None,
            };
            return Some(Speaker {
                name: Some(name),
                mention,
                anonymous: relative,
                affiliation,
                person: relative,
                gender: if relative {
                    gender_of_noun(words[1].lower)
                } else {
                    None
                },
            });
        }
        // `According to him, ...`, `according to them`.
        if np.len() == 1 {
            // Objects, and possessors (`In his words, ...`).
            let subject = match words[0].lower {
                "him" | "his" => "he",
                "her" => "she",
                "them" | "their" => "they",
                _ => "",
            };
            if !subject.is_empty() {
                return self.resolve_pronoun(subject, ctx, hint, at, &mention);
            }
        }
        // A partitive subject (`One of them, who spoke on condition of
        // anonymity, said ...`, `Two of them said ...`) is some of the
        // unnamed sources quoted last (`According to two diplomats ...`); an
        // institution is not a group one can be one of, and `None of them`
        // (not a partitive quantifier here) is not the group speaking.
        let partitive = np.len() >= 3
            && np[np.len() - 1].is("them")
            && np[np.len() - 2].is("of")
            && PARTITIVE_QUANTIFIERS.contains(np[np.len() - 3].lower);
        if partitive {
            return ctx
                .salient_groups
                .last()
                .filter(|s| s.anonymous)
                .map(|found| Speaker {
                    mention,
                    ..found.clone()
                });
        }
        // `A senior official who asked not to be identified`, `an official
        // speaking on condition of anonymity`: the terms of the interview
        // are not part of who the source is.
        let terms = words.iter().position(|t| {
            matches!(t.lower, "who" | "speaking")
                && words.iter().any(|w| {
                    matches!(
                        w.lower,
                        "anonymity"
                            | "anonymously"
                            | "anonymous"
                            | "identified"
                            | "named"
                            | "authorized"
                            | "authorised"
                    )
                })
        });
        // `ministry sources consulted by EFE`, `an official contacted by
        // Reuters`: how the outlet reached the source is not who it is.
        let reached = words.windows(2).position(|w| {
            matches!(
                w[0].lower,
                "consulted" | "contacted" | "interviewed" | "reached" | "quoted" | "cited"
            ) && w[1].is("by")
        });
        if let Some(p) = terms.or(reached).filter(|&p| p > 0) {
            words.truncate(p);
        }
        let lowers: Vec<&str> = words.iter().map(|t| t.lower).collect();
        // `Marek Zalewski of the farmers' union said`: a person named, then
        // where they belong.
        let named_of = words
            .iter()
            .position(|t| t.is("of"))
            // The name opens the phrase (not `A spokesman for Viktor Orban
            // of the Fidesz party`, `an aide to Donald Trump of ...`).
            .filter(|&of| of >= 2 && words[..of].iter().all(|t| t.cap && !t.poss))
            .and_then(|of| {
                let name: Vec<Tok> = words[..of].iter().map(|&&t| t).collect();
                self.name_from_run(&name, text, ctx)
            })
            // Not a body's capitalised words (`the Autonomous Republic of
            // Crimea Olha Kuryshko`).
            .filter(|&k| ctx.actors.known[k].is_sure_person());
        if let Some(k) = named_of {
            return Some(speaker_of(&ctx.actors.known[k], mention));
        }
        // `Trump himself` → Trump
        // Anonymous sources: a source noun as head (before any post-modifier).
        let head_i = lowers.iter().position(|l| ANON_NOUNS.contains(l));
        // `Her colleague Mykyta, 22, disagreed`, `His friend Andriy said`:
        // the first name after the noun is the person.
        // (A first name the lexicon lacks too, when it names nothing else:
        // not `officials Tuesday`, `the envoy Kyiv`.)
        let first_name_after = head_i.filter(|&h| h + 2 == words.len()).and_then(|h| {
            let name = words[h + 1];
            let plain = name.cap
                && !name.poss
                && !name.upper
                && !self.is_title_word(lowers[h])
                && !lowers[h].ends_with('s');
            let gender = self.lex.first_name_gender(name.lower);
            let nothing_else = || {
                !is_date_word(name.lower)
                    && !self.lex.demonyms.contains_key(name.base())
                    && self.registry.lookup(name.base()).is_none()
                    && self.lex.title(name.lower).is_none()
            };
            (plain && (gender.is_some() || nothing_else())).then_some((name, gender))
        });
        if let Some((name, gender)) = first_name_after {
            let name = text[name.start..name.end].to_string();
            let k = ctx
                .actors
                .find(&name)
                .unwrap_or_else(|| ctx.actors.add(Known::unregistered_person(name, gender)));
            if ctx.actors.known[k].kind == ActorKind::Person {
                return Some(speaker_of(&ctx.actors.known[k], mention));
            }
        }
        if let Some(h) = head_i {
            // A name inside a post-modifier (`a diplomat based in Kyiv`, `a
            // source close to Zelensky`) does not make the source that person.
            let has_name_after = words[h + 1..].iter().any(|t| t.cap)
                && !lowers.get(h + 1).is_some_and(|l| {
                    ANON_POSTMODIFIERS.iter().any(|p| p[0] == *l)
                        || (*l == "of" && RELATIONAL_NOUNS.contains(lowers[h]))
                });
            // `Trump's special envoy` is a named person's role, not a source.
            let names_before = words[..h].iter().any(|t| {
                t.cap
                    && t.poss
                    && !self.is_title_word(t.lower)
                    && !self.lex.demonyms.contains_key(t.base())
                    && self.registry.lookup(t.base()).is_none()
            });
            let is_role_of_named = has_name_after || names_before;
            // An irregular plural too: `Local fishermen said`, `People
            // familiar with the matter said`.
            let plural = (lowers[h].ends_with('s') && !lowers[h].ends_with("ss"))
                || lowers[h].ends_with("men")
                || matches!(lowers[h], "people" | "media");
            // (`The owner of a bakery in Odesa` is described whole, not
            // someone just named.)
            let described_by_of =
                RELATIONAL_NOUNS.contains(lowers[h]) && lowers.get(h + 1) == Some(&"of");
            // `the official said`, `Russia's top diplomat`, `Minister for
            // Strategic Industries Herman Smetanin`; not a plural.
            let definite_role = !indefinite && !plural && !described_by_of;
            // `two people familiar with the matter`, `several officials`.
            let group = plural
                || np.first().is_some_and(|t| {
                    DETERMINERS.contains(t.lower)
                        && !matches!(t.lower, "a" | "an" | "the" | "one" | "another")
                        || t.lower.bytes().all(|b| b.is_ascii_digit())
                });
            // `According to diplomatic sources, ... The sources, who spoke
            // on condition of anonymity, said`: the group quoted before.
            let definite_group = definite && plural;
            if (definite_role || definite_group) && !is_role_of_named && words.len() == 1 {
                // `the official said` after `A senior Ukrainian official, ...`
                let head = singular(lowers[h]);
                let named = |a: &&Speaker| {
                    a.name
                        .as_deref()
                        .is_some_and(|n| n.to_lowercase().split(' ').any(|w| w == head))
                };
                // One source rather than a group (`officials said`) of
                // its kind.
                let earlier = ctx
                    .anon
                    .iter()
                    .rev()
                    .find(|a| a.person != definite_group && named(a))
                    .or_else(|| ctx.anon.iter().rev().find(named));
                if let Some(prev) = earlier {
                    return Some(Speaker {
                        mention,
                        ..prev.clone()
                    });
                }
            }
            // `Boris Pistorius visited Kyiv. The SPD politician said ...`:
            // a definite description of a person just named.
            // Not a registered role (`the Ukrainian leader`), which names
            // its holder below.
            let registered_role = || {
                let rw = self.description_role_words(&lowers.join(" "));
                ctx.actors.find_role(&rw).is_some() || !self.registry.lookup_role(&rw).is_empty()
            };
            if definite
                && definite_role
                && !is_role_of_named
                && h + 1 == words.len()
                && !lowers.iter().any(|l| matches!(*l, "of" | "for" | "to"))
                && ANAPHORIC_HEADS.contains(lowers[h])
                && !registered_role()
            {
                let described: Vec<Tok> = words.iter().map(|&&t| t).collect();
                let affiliation = self.affiliation_of(&described);
                if let Some(found) =
                    self.person_just_named(ctx, lowers[h], &affiliation, &mention, at, false)
                {
                    return Some(found);
                }
            }
            // `The widow said`, `The exhausted nurse said` with no one of
            // that kind before: a source described, as `a widow` is. (A
            // title, `the minister`, is someone the article names.)
            let described_anew = definite
                && definite_role
                && !is_role_of_named
                && h + 1 == words.len()
                && words.iter().all(|t| !t.cap)
                && self.lex.title(lowers[h]).is_none()
                && !ANAPHORIC_HEADS.contains(lowers[h]);
            // (`Natalia Hrytsenko, 67, has lived in Kherson ... the woman
            // said`, `Carmen Ricci, a grain trader, ... said the trader`:
            // the person just named first.)
            if described_anew {
                let described: Vec<Tok> = words.iter().map(|&&t| t).collect();
                let affiliation = self.affiliation_of(&described);
                if let Some(found) =
                    self.person_just_named(ctx, lowers[h], &affiliation, &mention, at, false)
                {
                    return Some(found);
                }
            }
            if !is_role_of_named && (!definite_role || described_anew) {
                let mut desc: Vec<String> = Vec::new();
                for (n, t) in words.iter().enumerate() {
                    let mut w = text[t.start..t.end].to_string();
                    if n == h {
                        w = singular(&w);
                    }
                    // `Sources say` → `source`: common words are lowercase
                    // wherever the sentence put them.
                    // `Rights groups say` → `rights group`: a first word
                    // capitalised only as the sentence's first, naming no
                    // one and no country.
                    let sentence_initial = n == 0
                        && t.cap
                        && !t.upper
                        && (text[..t.start]
                                .trim_end_matches([' ', '\t'])
                                .ends_with('\n')
                                // After a closing mark only when a stop ends
                                // the quotation, not its comma (`“...,”
                                // Hamas officials said`).
                                || text[..t.start]
                                    .trim_end()
                                    .trim_end_matches(['”', '"', '’', '\''])
                                    .chars()
                                    .next_back()
                                    .is_none_or(|c| matches!(c, '.' | '!' | '?')))
                        && !self.lex.demonyms.contains_key(t.base())
                        && self.lex.first_name_gender(t.lower).is_none()
                        && self.registry.lookup(t.base()).is_none()
                        && ctx.actors.find(t.base()).is_none();
                    let common = ANON_NOUNS.contains(t.lower)
                        || sentence_initial
                        || (n == 0
                            && matches!(self.lex.title(t.lower), Some(TitleKind::Modifier))
                            && !self.lex.demonyms.contains_key(t.base()));
                    if common {
                        w = w.to_lowercase();
                    }
                    desc.push(w);
                }
                // `spokesperson for British Prime Minister Keir Starmer` → `spokesperson for Keir Starmer`,
                // `an adviser to Zelensky` → `adviser to Volodymyr Zelensky`
                let mut name = desc.join(" ");
                // `Allies of Zelensky` → `ally of Volodymyr Zelensky`.
                let serves = |l: &str| {
                    l == "for" || l == "to" || (l == "of" && matches!(lowers[h], "ally" | "allies"))
                };
                if let Some(p) = lowers.iter().position(|l| serves(l)) {
                    let inner: Vec<Tok> = words[p + 1..].iter().map(|&&t| t).collect();
                    if let Some(k) = self.name_from_run(&inner, text, ctx) {
                        if ctx.actors.known[k].kind == ActorKind::Person {
                            name = format!(
                                "{} {} {}",
                                desc[..p].join(" "),
                                lowers[p],
                                ctx.actors.known[k].name
                            );
                        }
                    }
                }
                let affiliation = words
                    .iter()
                    .find_map(|t| self.lex.demonyms.get(t.base()).cloned())
                    .unwrap_or_default();
                // One unnamed source is a person a later `he said` can
                // refer to (`A soldier said ... “They keep coming,” he
                // said.`); sources in the plural are a group.
                return Some(Speaker {
                    name: Some(name),
                    mention,
                    anonymous: true,
                    affiliation,
                    person: !group,
                    gender: gender_of_noun(lowers[h]),
                });
            }
        }
        // Document nouns: `A Financial Times report`, `the U.S. proposal`;
        // `the statement` is the one whose source was named last.
        // `a Kremlin readout of the call`: the document's complement does
        // not name its source.
        // A capitalised one inside a body's name is no document: `The
        // Institute for the Study of War said`.
        if let Some(of) = words.iter().position(|t| t.is("of")) {
            let in_name = || words[of - 1].cap && words.get(of + 1).is_some_and(|t| t.cap);
            if of >= 2 && DOCUMENT_NOUNS.contains(words[of - 1].lower) && !in_name() {
                words.truncate(of);
            }
        }
        // `a Novus poll for Sveriges Radio`, `a poll by Novus for ...`: whom
        // a document was made for is not its source.
        if let Some(f) = words.iter().position(|t| t.is("for")) {
            let document = words[..f].iter().any(|t| DOCUMENT_NOUNS.contains(t.lower));
            // (Not inside a body's name: `a report by the Institute for the
            // Study of War`.)
            let in_name = f >= 1 && INSTITUTION_HEADS.contains(words[f - 1].lower);
            if document && !in_name && words[..f].iter().any(|t| t.cap) {
                words.truncate(f);
            }
        }
        // `a survey by Novus`, `a poll by Alpha Research`: the document's
        // author, a body whatever its name.
        // `a statement by the foreign ministry`, `a statement from the
        // Egyptian presidency`: or a body or a role described.
        if let Some(by) = words.iter().position(|t| t.is("by") || t.is("from")) {
            let author: Vec<Tok> = words[by + 1..]
                .iter()
                .skip_while(|t| t.is("the"))
                .map(|&&t| t)
                .collect();
            let named = words[by].is("by")
                && author.first().is_some_and(|t| t.cap)
                && author.last().is_some_and(|t| t.cap)
                && author
                    .iter()
                    .all(|t| t.word && (t.cap || matches!(t.lower, "of" | "for" | "the" | "and")));
            let described = author.iter().all(|t| t.word && !t.poss)
                && author.last().is_some_and(|t| {
                    INSTITUTION_HEADS.contains(t.lower)
                        || matches!(self.lex.title(t.lower), Some(TitleKind::Role))
                });
            let authored = by >= 1
                && DOCUMENT_NOUNS.contains(words[by - 1].lower)
                && (1..=8).contains(&author.len())
                && (named || described);
            if authored {
                let found = self
                    .resolve_np(&author, text, ctx, hint, at)
                    .unwrap_or_else(|| Speaker {
                        name: Some(join_text(&author, text)),
                        mention: mention.clone(),
                        anonymous: false,
                        affiliation: String::new(),
                        person: false,
                        gender: None,
                    });
                ctx.last_document = Some((singular(words[by - 1].lower), found.clone()));
                return Some(Speaker { mention, ..found });
            }
        }
        if let Some(last) = words.last() {
            // `a Kremlin statement`; not an outlet (`the Kyiv Post`).
            let outlet = last.cap && MEDIA_HEADS.contains(last.lower);
            if DOCUMENT_NOUNS.contains(last.lower) && words.len() > 1 && !outlet {
                let inner: Vec<Tok> = words[..words.len() - 1].iter().map(|&&t| t).collect();
                let found = self.resolve_np(&inner, text, ctx, hint, at)?;
                ctx.last_document = Some((singular(last.lower), found.clone()));
                // The mention is the document's (`a Novus poll`): what kind
                // of source it is shows there.
                return Some(Speaker { mention, ..found });
            }
            if DOCUMENT_NOUNS.contains(last.lower) && !indefinite && !outlet {
                let noun = singular(last.lower);
                return ctx
                    .last_document
                    .as_ref()
                    .filter(|(n, _)| *n == noun)
                    .map(|(_, found)| Speaker {
                        mention,
                        ..found.clone()
                    });
            }
        }
        // `“...,” the Dane told POLITICO`, `the Connecticut Democrat said`,
        // `the Kentucky Republican said`: someone just named, described by
        // nationality or party.
        if definite {
            if let Some(last) = words.last() {
                let nationality =
                    words.len() == 1 && last.cap && self.is_nationality_noun(last.lower);
                let party_member = last.cap
                    && matches!(last.lower, "democrat" | "republican")
                    && words.iter().all(|t| t.cap && !t.poss);
                if nationality || party_member {
                    if let Some(found) =
                        self.person_just_named(ctx, "politician", "", &mention, at, false)
                    {
                        return Some(found);
                    }
                }
            }
        }
        // Registry and names.
        let run: Vec<Tok> = words.iter().map(|&&t| t).collect();
        let run: Vec<Tok> = run
            .into_iter()
            .filter(|t| !matches!(t.lower, "himself" | "herself" | "itself"))
            .collect();
        // `The real question, Paris said, ...` after `Roland Paris, a
        // professor ...`: a person the article named by that surname, not
        // the capital.
        // Only a capital or another place the registry knows is read so
        // first; any other surname the name lookup below finds anyway. (A
        // country's own name is the country: `Israel said it would` after
        // `Congressman Steve Israel`.)
        if let [word] = run.as_slice() {
            let base = word.base();
            let capital = self
                .lex
                .demonyms
                .get(base)
                .is_some_and(|c| !c.eq_ignore_ascii_case(base));
            let place = || {
                self.registry
                    .lookup(base)
                    .is_some_and(|id| self.registry.get(id).kind != ActorKind::Person)
                    && !self.lex.demonyms.contains_key(base)
            };
            if word.cap && (capital || place()) {
                let person = ctx
                    .actors
                    .find(&text[word.start..word.end])
                    .filter(|&k| ctx.actors.known[k].kind == ActorKind::Person);
                if let Some(k) = person {
                    return Some(speaker_of(&ctx.actors.known[k], mention));
                }
            }
        }
        if let Some(k) = self.name_from_run(&run, text, ctx) {
            return Some(speaker_of(&ctx.actors.known[k], mention));
        }
        // `Ukraine's envoy` is an envoy of Ukraine, not the registry's
        // American `Ukraine envoy`: a country's possessive keeps its own
        // people.
        let owner_country = run
            .first()
            .filter(|t| t.poss && t.cap)
            .and_then(|t| self.lex.demonyms.get(t.base()));
        let of_owner = |id: ActorId| {
            let affiliation = &self.registry.get(id).affiliation;
            owner_country.is_none_or(|c| affiliation.is_empty() || affiliation == c)
        };
        // Whole phrase as an institution alias (`the British government`).
        let phrase = join_base(&run, text);
        if let Some(id) = self.registry.lookup(&phrase).filter(|&id| of_owner(id)) {
            let a = self.registry.get(id);
            return Some(registered_speaker(a, mention, a.kind == ActorKind::Person));
        }
        // Roles: `the Kremlin spokesman`, `the top diplomat`.
        let rw = self.description_role_words(&phrase);
        // `the foreign minister`; `the secretary of state`, `the minister of
        // defence`: the role before its complement.
        let is_role = |t: &Tok| self.lex.title(t.lower) == Some(TitleKind::Role);
        // Not a body's members (`representatives of the OSCE`).
        let head_is_role = run.last().is_some_and(is_role)
            || run.iter().position(|t| t.is("of")).is_some_and(|p| {
                let complement = &run[p + 1..];
                p > 0
                    && is_role(&run[p - 1])
                    && !run[p - 1].lower.ends_with('s')
                    && !complement.is_empty()
                    && complement.iter().all(|t| !t.upper)
                    && self.registry.lookup(&join_base(complement, text)).is_none()
            });
        if head_is_role {
            // `the senator` after three senators were named: the one named
            // last.
            let named_last = ctx
                .mentions_before(at)
                .map(|m| m.known)
                .find(|&k| ctx.actors.known[k].holds_role(&rw));
            if let Some(k) = named_last
                .or_else(|| ctx.actors.find_role(&rw))
                .or_else(|| epithet_holder(&ctx.actors, &rw))
            {
                return Some(speaker_of(&ctx.actors.known[k], mention));
            }
            let mut ids = self.registry.lookup_role(&rw);
            // `Moscow's top diplomat` is the registry's `Russia's top
            // diplomat`: a capital for its country's adjective.
            if ids.is_empty() {
                // Only a possessive opening the phrase: `the Chechen leader`
                // is no `Russian leader`.
                let mut by_country = rw.clone();
                let adjective = by_country
                    .first()
                    .filter(|_| run.first().is_some_and(|t| t.poss))
                    .and_then(|w| self.lex.country_adjective_of(w));
                if let Some(adjective) = adjective {
                    by_country[0] = adjective.to_string();
                }
                if by_country != rw {
                    ids = self.registry.lookup_role(&by_country);
                }
                // `Kyiv's top diplomat`: the office the epithet names, held
                // by one registered actor of that country.
                if ids.is_empty() {
                    ids = registered_epithet_holders(&self.registry, &by_country);
                }
            }
            ids.retain(|&id| of_owner(id));
            let in_doc: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|id| ctx.actors.known.iter().any(|k| k.id == Some(*id)))
                .collect();
            // A bare `the spokesman` names nobody outside the article; a specific
            // role (`the Kremlin spokesman`) names its registered holder.
            let specific = rw.len() >= 2;
            let mut exact = self.registry.lookup_role_exact(&rw);
            exact.retain(|&id| of_owner(id));
            // A bare title the registry gives one holder (`the prime
            // minister` is Keir Starmer) names them only in an article that
            // names their country, or none: not in a Swedish one.
            let qualified = rw.iter().any(|w| self.lex.demonyms.contains_key(w));
            let in_holders_country = |id: ActorId, ctx: &mut DocCtx| {
                let affiliation = &self.registry.get(id).affiliation;
                let named = self.affiliations_named(text, ctx);
                qualified
                    || affiliation.is_empty()
                    || named.is_empty()
                    || named.contains(affiliation)
            };
            let pick = if in_doc.len() == 1 {
                Some(in_doc[0])
            } else if ids.len() == 1 && specific && in_holders_country(ids[0], ctx) {
                Some(ids[0])
            } else if exact.len() == 1 && in_holders_country(exact[0], ctx) {
                Some(exact[0])
            } else {
                None
            };
            // `Speaking to MAP, the Russian diplomat claimed ...` after
            // `Russian Deputy Foreign Minister Mikhail Bogdanov`: a holder
            // of the registry's the article never names gives way to one
            // it has just named whose office fits.
            if let Some(id) = pick {
                let absent = !ctx.actors.known.iter().any(|k| k.id == Some(id));
                let head = match run.iter().position(|t| t.is("of")) {
                    Some(p) if p > 0 => run[p - 1].lower,
                    _ => run.last().map_or("", |t| t.lower),
                };
                let named_here = (absent && definite)
                    .then(|| {
                        let affiliation = self.affiliation_of(&run);
                        self.person_just_named(ctx, head, &affiliation, &mention, at, true)
                    })
                    .flatten();
                // (A deputy minister is no minister: a lesser office must be
                // the person's too.)
                let lesser = ["deputy", "vice", "assistant", "junior", "former", "acting"];
                let keeps_rank = |found: &Speaker| {
                    let Some(k) = found.name.as_deref().and_then(|n| ctx.actors.find(n)) else {
                        return false;
                    };
                    let known = &ctx.actors.known[k];
                    let registered = self.registered_roles(known);
                    rw.iter().filter(|w| lesser.contains(&w.as_str())).all(|w| {
                        known
                            .roles
                            .iter()
                            .chain(registered.iter().copied())
                            .any(|r| r.contains(w))
                    })
                };
                if let Some(found) = named_here.filter(keeps_rank) {
                    return Some(found);
                }
                return Some(registered_speaker(self.registry.get(id), mention, true));
            }
            // The registry's one holder of the title, refused for another
            // country's article.
            let refused_holder = exact.len() == 1 || (ids.len() == 1 && specific);
            // `Kyrylo Budanov spoke. “...,” the intelligence chief said.`;
            // the head before a complement (`the presidential chief of
            // staff`) must be the role (not `the widow of the late
            // opposition leader`).
            let head = match run.iter().position(|t| t.is("of")) {
                Some(p) if p > 0 => run[p - 1].lower,
                _ => run.last().map_or("", |t| t.lower),
            };
            if definite && self.lex.title(head) == Some(TitleKind::Role) {
                let affiliation = self.affiliation_of(&run);
                // A title of several words is someone's who holds all of it
                // (`the prime minister` is not `Russia's foreign minister`).
                let holds_all = |found: &Speaker| {
                    !refused_holder
                        || found
                            .name
                            .as_deref()
                            .and_then(|n| ctx.actors.find(n))
                            .is_some_and(|k| {
                                let known = &ctx.actors.known[k];
                                known.holds_role(&rw)
                                    || known.id.is_some_and(|id| {
                                        self.registry
                                            .role_words_of(id)
                                            .any(|r| rw.iter().all(|w| r.contains(w)))
                                    })
                            })
                };
                if let Some(found) = self
                    .person_just_named(ctx, head, &affiliation, &mention, at, false)
                    .filter(|f| holds_all(f))
                {
                    return Some(found);
                }
            }
            // An unnamed office holder (`Ukraine’s foreign minister`).
            let affiliation = self.affiliation_of(&run);
            return Some(Speaker {
                name: Some(phrase),
                mention,
                anonymous: false,
                affiliation,
                person: true,
                gender: None,
            });
        }
        // `The Russian side said`, `the Ukrainian leadership`: the country
        // speaking as one.
        if run.len() == 2 && matches!(run[1].lower, "side" | "leadership") {
            if let Some(country) = self.lex.demonyms.get(run[0].base()) {
                return Some(country_speaker(country, mention));
            }
        }
        // `Russia's Foreign Ministry said ... The ministry added`: a bare
        // definite head names the body with that head that spoke last.
        if definite && run.len() == 1 && !run[0].cap && INSTITUTION_HEADS.contains(run[0].lower) {
            let head = run[0].lower;
            let named_so = |s: &&Speaker| {
                s.name
                    .as_deref()
                    .is_some_and(|n| n.split(' ').any(|w| w.eq_ignore_ascii_case(head)))
            };
            if let Some(body) = ctx.salient_groups.iter().rev().find(named_so) {
                return Some(Speaker {
                    mention,
                    ..body.clone()
                });
            }
        }
        // Institutions by head noun: `Ukraine’s Ministry of Strategic Industries`;
        // a common head before a name is an apposition (`state nuclear
        // corporation Rosatom` is Rosatom).
        if run.iter().any(|t| INSTITUTION_HEADS.contains(t.lower)) {
            let affiliation = self.affiliation_of(&run);
            let named_tail = run
                .iter()
                .rposition(|t| !t.cap)
                .filter(|&p| p + 1 < run.len() && INSTITUTION_HEADS.contains(run[p].lower));
            // `Meloni's office said` is Giorgia Meloni's office, named
            // after the person as the article knows her.
            let owner = run
                .iter()
                .position(|t| t.poss)
                .filter(|&p| p + 1 < run.len() && run[p + 1..].iter().all(|t| !t.cap))
                .and_then(|p| {
                    let k = self.name_from_run(&run[..=p], text, ctx)?;
                    let known = &ctx.actors.known[k];
                    (known.kind == ActorKind::Person)
                        .then(|| format!("{}'s {}", known.name, join_base(&run[p + 1..], text)))
                });
            // `Representatives of the World Food Programme agreed`: a
            // body's members speak for the body.
            let members = run.len() > 2
                && matches!(
                    run[0].lower,
                    "representatives" | "members" | "delegates" | "envoys"
                )
                && run[1].is("of");
            let body = if members {
                let skip = if run[2].is("the") { 3 } else { 2 };
                &run[skip.min(run.len())..]
            } else {
                &run[..]
            };
            let name = match (named_tail, owner) {
                (Some(p), _) => join_base(&run[p + 1..], text),
                (None, Some(owned)) => owned,
                (None, None) if members && !body.is_empty() => self
                    .registered_body(body, text)
                    .unwrap_or_else(|| join_base(body, text)),
                (None, None) => self.registered_body(&run, text).unwrap_or(phrase),
            };
            return Some(Speaker {
                name: Some(name),
                mention,
                anonymous: false,
                affiliation,
                person: false,
                gender: None,
            });
        }
        // `Alternative for Germany said`, `Friends of Ukraine said`: a
        // capitalised name ending in a country's names its own body.
        let named_for_country = run.len() >= 3
            && run
                .iter()
                .all(|t| t.cap || matches!(t.lower, "of" | "for" | "the" | "and"))
            && run.iter().any(|t| t.is("of") || t.is("for"))
            && run.last().is_some_and(|t| {
                self.registry
                    .lookup(t.base())
                    .is_some_and(|id| self.registry.get(id).kind != ActorKind::Person)
            });
        if named_for_country {
            return Some(Speaker {
                name: Some(phrase),
                mention,
                anonymous: false,
                affiliation: self.affiliation_of(&run),
                person: false,
                gender: None,
            });
        }
        // A country or capital as the whole subject speaks for its
        // government (`hours after Turkey said`, `Ankara said`).
        if run.len() == 1 && run[0].cap {
            if let Some(country) = self.lex.demonyms.get(run[0].base()) {
                let l = run[0].lower;
                let nounish = !(l.ends_with("ian") || l.ends_with("ish") || l.ends_with("ese"));
                if nounish {
                    return Some(country_speaker(country, mention));
                }
            }
        }
        // A single capitalized unknown word as subject: a surname first seen here.
        if run.len() == 1
            && run[0].cap
            && !NOT_NAMES.contains(run[0].lower)
            && !self.is_title_word(run[0].lower)
        {
            let name = text[run[0].start..run[0].end].to_string();
            let name = name
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_string();
            let k = ctx.actors.add(Known::unregistered_person(name, None));
            // `Park, a 63-year-old retiree in Seoul, said ... “...,” he
            // said`: the person a description introduces is a mention a
            // pronoun can take (not a bare word, which may be a body's
            // name, `UNICEF said`, or a surname two people share).
            // (A person's description: an age or a person's noun before
            // the next comma, not `Gazprom, the state-controlled gas
            // giant,`.)
            let described = !run[0].upper
                && text[run[0].end..].starts_with(',')
                && text[run[0].end + 1..]
                    .split(',')
                    .next()
                    .is_some_and(|appositive| {
                        appositive.split_whitespace().take(8).any(|w| {
                            let w = w.to_lowercase();
                            is_age(&w)
                                || w.bytes().all(|b| b.is_ascii_digit())
                                || (ANON_NOUNS.contains(&w)
                                    && !matches!(
                                        w.as_str(),
                                        "groups"
                                            | "organisations"
                                            | "organizations"
                                            | "media"
                                            | "outlets"
                                    ))
                        })
                    });
            if described {
                ctx.mentions.push(Mention {
                    known: k,
                    gender: None,
                    affiliated: false,
                    at: run[0].start,
                    titled: false,
                });
            }
            return Some(speaker_of(&ctx.actors.known[k], mention));
        }
        // `Global Affairs Canada`, `Statistics Canada`: a body named by
        // capitalised words and its country.
        if run.len() >= 2 && run.iter().all(|t| t.cap && !t.poss) {
            let (head, country) = run.split_at(run.len() - 1);
            // A country or place, not its people (`Ordinary Ukrainians`).
            let place =
                !country[0].lower.ends_with('s') && !self.is_nationality_noun(country[0].lower);
            let affiliation = self
                .lex
                .demonyms
                .get(country[0].lower)
                .filter(|_| place)
                .cloned();
            let body = head.iter().all(|t| {
                self.lex.title(t.lower) != Some(TitleKind::Role)
                    && !self.is_first_name(t.lower)
                    && !self.lex.demonyms.contains_key(t.lower)
                    && self.registry.lookup(t.lower).is_none()
                    // `Would Canada support ...?`
                    && !t.finite_or_modal()
                    && !BE_FORMS.contains(t.lower)
                    && !PREPOSITIONS.contains(t.lower)
                    && !DETERMINERS.contains(t.lower)
                    && !matches!(
                        t.lower,
                        "do" | "does" | "did" | "has" | "have" | "had" | "when" | "if" | "while" | "why" | "how"
                    )
            });
            if let Some(affiliation) = affiliation.filter(|_| body) {
                return Some(Speaker {
                    name: Some(join_text(&run, text)),
                    mention,
                    anonymous: false,
                    affiliation,
                    person: false,
                    gender: None,
                });
            }
        }
        // `Volodymyr Zelensky spoke on Friday. The former comedian said
        // ...`: a description of the person just named.
        let person_head = run.last().is_some_and(|t| {
            !t.cap && (ANAPHORIC_HEADS.contains(t.lower) || PERSON_DESCRIPTIONS.contains(t.lower))
        });
        if definite && person_head && simple_description(&run) {
            let head = run.last().map_or("", |t| t.lower);
            return self.person_just_named(
                ctx,
                head,
                &self.affiliation_of(&run),
                &mention,
                at,
                false,
            );
        }
        None
    }

    /// The person named last, if among the last two named before `at`
    /// (names inside quotations are no mentions) and of a gender `head`
    /// agrees with (`the congresswoman`): what a definite description that
    /// matches no known role refers to.
    /// `affiliation` is the description's country (`the Turkish leader`):
    /// a person of another one is someone else.
    /// With `office_known`, only someone whose known offices allow the
    /// description (`the Russian diplomat` after `Russian Deputy Foreign
    /// Minister Mikhail Bogdanov`), not a person of no known office.
    pub(super) fn person_just_named(
        &self,
        ctx: &DocCtx,
        head: &str,
        affiliation: &str,
        mention: &str,
        at: usize,
        office_known: bool,
    ) -> Option<Speaker> {
        // `the congressman`, `the spokeswoman`.
        let want = gender_of_noun(head).or_else(|| {
            if head.ends_with("woman") {
                Some(Gender::Female)
            } else if head.ends_with("man") {
                Some(Gender::Male)
            } else {
                None
            }
        });
        let surely_person = |m: &&Mention| ctx.actors.known[m.known].is_sure_person();
        // `the analyst` is not a president; `the diplomat` may be a
        // foreign minister, `the politician` anyone in office.
        let related: &[&str] = match head {
            "leader" | "politician" | "man" | "woman" | "veteran" => &[],
            "chief" | "head" | "boss" => &["chief", "head", "director", "commander"],
            "diplomat" => &["diplomat", "foreign", "ambassador", "envoy"],
            "lawmaker" => &[
                "lawmaker",
                "mp",
                "mep",
                "senator",
                "deputy",
                "congressman",
                "congresswoman",
            ],
            "minister" => &["minister", "secretary"],
            _ => std::slice::from_ref(&head),
        };
        let fits = |m: &&Mention| {
            let k = &ctx.actors.known[m.known];
            let registered =
                k.id.into_iter()
                    .flat_map(|id| self.registry.role_words_of(id));
            let roles = k.roles.iter().chain(registered);
            let same_side = affiliation.is_empty() || k.affiliation == affiliation;
            // One of no known country who holds the role may be of the
            // description's (`the Spanish diplomat` after a secretary of
            // state for foreign affairs whose country the article left
            // implicit).
            let may_be_side = same_side || k.affiliation.is_empty();
            let mut roles = roles.peekable();
            let unknown = related.is_empty() || roles.peek().is_none();
            // A press secretary is no minister, a deputy prime minister no
            // lawmaker: `secretary` and `deputy` count as the office itself.
            let holds = !unknown
                && roles.any(|role| {
                    role.iter().any(|w| {
                        related.contains(&w.as_str())
                            && !(w == "secretary" && role.iter().any(|x| x == "press"))
                            && !(w == "deputy" && role.last() != Some(w))
                    })
                });
            (may_be_side && holds, same_side && unknown)
        };
        let earlier = || ctx.mentions_before(at);
        // The last two named: anyone whose roles allow the description.
        let last_two: Vec<&Mention> = earlier().take(2).collect();
        earlier()
            // Past a place read as a name (`the Global South`), only one
            // who holds the role (`the veteran diplomat` after `Celso
            // Amorim, chief foreign policy adviser`).
            .filter(surely_person)
            .take(2)
            .filter(|m| {
                let (holds, unknown) = fits(m);
                holds || (!office_known && unknown && last_two.iter().any(|w| std::ptr::eq(*w, *m)))
            })
            .find(|m| want.is_none() || m.gender.is_none() || m.gender == want)
            .map(|m| Speaker {
                mention: mention.to_string(),
                ..m.speaker(&ctx.actors.known)
            })
    }

    /// The affiliations the whole article names by a demonym, country
    /// name or capital (`Swedish`, `Britain`, `London`), read once.
    fn affiliations_named<'c>(&self, text: &str, ctx: &'c mut DocCtx) -> &'c HashSet<String> {
        ctx.affiliations_named.get_or_insert_with(|| {
            // Capitalised words (not the pronoun `us`), and pairs of them
            // (`Downing Street`, `United Kingdom`).
            let words: Vec<String> = text
                .split(|c: char| !(c.is_alphanumeric() || c == '.'))
                .map(|w| w.trim_end_matches('.'))
                .filter(|w| w.len() > 1 && w.starts_with(char::is_uppercase))
                .map(str::to_lowercase)
                .collect();
            let pairs = words.windows(2).map(|w| format!("{}_{}", w[0], w[1]));
            words
                .iter()
                .cloned()
                .chain(pairs)
                .filter_map(|w| self.lex.demonyms.get(&w).cloned())
                .collect()
        })
    }

    /// The affiliation a phrase names (`Ukrainian`, `Kremlin`), if any.
    pub(super) fn affiliation_of(&self, run: &[Tok]) -> String {
        run.iter()
            .find_map(|t| {
                self.lex.demonyms.get(t.base()).cloned().or_else(|| {
                    self.registry
                        .lookup(t.base())
                        .map(|id| self.registry.get(id).affiliation.clone())
                })
            })
            .unwrap_or_default()
    }

    pub(super) fn resolve_pronoun(
        &self,
        p: &str,
        ctx: &DocCtx,
        hint: &Option<(usize, Speaker)>,
        at: usize,
        mention: &str,
    ) -> Option<Speaker> {
        let want = match p {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            "they" | "it" => None,
            _ => return None,
        };
        let compatible = |s: &Speaker| s.person && (s.gender.is_none() || s.gender == want);
        let found = if want.is_some() {
            let in_sentence = hint
                .as_ref()
                .filter(|(pos, s)| *pos < at && compatible(s))
                .map(|(_, s)| s.clone());
            let fits = |s: &Speaker| {
                // An unnamed source just quoted is the nearest antecedent
                // whatever the people named before it.
                let latest_source =
                    s.anonymous && ctx.salient.last().is_some_and(|last| last.name == s.name);
                s.gender == want
                    || latest_source
                    || !ctx.mentions.iter().rev().take(8).any(|m| m.gender == want)
            };
            // `Ryota Kawabe, a Russia specialist, said ... “...,” he said`:
            // the last statement's speaker (or the last person narration
            // gave a view to: `Yonatan Peleg ... disagreed. He said`), of
            // unknown gender, named after everyone of the pronoun's
            // gender. (Not a name in the pronoun's own sentence: `In an
            // interview with RIA Novosti, he said` is the subject's; nor
            // any other subject of narration: `The World Food Programme
            // delivered ...`.)
            let spoke_last = |s: &Speaker| {
                fits(s) || {
                    s.gender.is_none()
                        && (ctx
                            .last_speaker
                            .as_ref()
                            .is_some_and(|(last, _)| last.name == s.name)
                            || ctx.last_viewer.as_ref().is_some_and(|v| v.name == s.name))
                        && ctx
                            .mentions
                            .iter()
                            .rev()
                            .filter(|m| m.at < at)
                            .take(8)
                            .find(|m| {
                                m.gender == want
                                    || Some(&ctx.actors.known[m.known].name) == s.name.as_ref()
                            })
                            .is_some_and(|m| m.gender != want)
                }
            };
            // `Gribanov went further than Peskov. In an interview with RIA
            // Novosti, he said ...`: a name of no known gender earlier in
            // the sentence gives way to the subject before it.
            in_sentence
                .filter(fits)
                .or_else(|| {
                    ctx.salient
                        .iter()
                        .rev()
                        .take(6)
                        .find(|s| compatible(s))
                        .filter(|s| spoke_last(s))
                        .cloned()
                })
                .or_else(|| {
                    // No salient subject of that gender: the last person of
                    // that gender named (`Merz met Meloni. She said ...`), or
                    // of no known gender but a title (`Sen. Thom Tillis
                    // spoke. He said ...`), before the pronoun.
                    ctx.mentions
                        .iter()
                        .rev()
                        .filter(|m| m.at < at)
                        .take(8)
                        .find(|m| m.gender == want || (m.gender.is_none() && m.titled))
                        .map(|m| m.speaker(&ctx.actors.known))
                })
        } else {
            ctx.salient_groups
                .iter()
                .rev()
                .take(3)
                .find(|s| !s.person)
                .cloned()
        }?;
        Some(Speaker {
            mention: mention.to_string(),
            ..found
        })
    }
}

impl Extractor {
    /// `Poland's deputy foreign minister has warned that ...` and, in the
    /// next paragraph, `Speaking to Polish Radio ..., Marcin Wójcik said:
    /// ...`: a lede that describes its speaker by office names them only in
    /// the paragraph after it. An unnamed office holder's statements in the
    /// lede are the person's who speaks first in the next paragraph (past a
    /// byline or a date line) when that person is named there for the first
    /// time and holds no other office (nor belongs to another country) as
    /// far as the article and the registry tell.
    pub(super) fn name_described_office_holders(
        &self,
        text: &str,
        paragraphs: &[text::Paragraph],
        ctx: &DocCtx,
        out: &mut [Found],
    ) {
        // The first two paragraphs: a standfirst and the body's first, or
        // the body's first two.
        const LEDE_PARAGRAPHS: usize = 1;
        let content: Vec<&text::Paragraph> = paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Content)
            .collect();
        let paragraph_of = |at: usize| content.iter().position(|p| p.start <= at && at < p.end);
        let mut done: Vec<String> = Vec::new();
        for i in 0..out.len() {
            let speaker = &out[i].speaker;
            let Some(name) = speaker.name.as_deref() else {
                continue;
            };
            if !speaker.person
                || speaker.anonymous
                || speaker.gender.is_some()
                || done.iter().any(|d| d == name)
                || ctx.actors.find(name).is_some()
            {
                continue;
            }
            let description = name.to_string();
            done.push(description.clone());
            // An office (`deputy foreign minister`, `Minister of State for
            // European Affairs`), not a bare title (`the official`) or a
            // document (`a draft seen by reporters`).
            let lower = description.to_lowercase();
            let words: Vec<&str> = lower.split(' ').collect();
            let head_at = match words.iter().position(|&w| w == "of") {
                Some(p) if p > 0 => p - 1,
                _ => words.len().saturating_sub(1),
            };
            let head = words.get(head_at).copied().unwrap_or_default();
            let modifiers_fit = description.split(' ').take(head_at).all(|w| {
                w.starts_with(char::is_uppercase) || self.is_title_word(&w.to_lowercase())
            });
            // (One holder: not `US senators`.)
            let plural = head.ends_with('s') && !head.ends_with("ss");
            if self.lex.title(head) != Some(TitleKind::Role)
                || words.len() < 2
                || plural
                || !modifiers_fit
            {
                continue;
            }
            // The office without its country (`Singaporean foreign
            // minister`): the country is compared on its own below.
            let mut roles = self.description_role_words(&lower);
            roles.retain(|w| !self.lex.demonyms.contains_key(w.as_str()));
            if roles.is_empty() {
                continue;
            }
            // Only in the lede.
            let Some(here) = paragraph_of(out[i].start).filter(|&p| p <= LEDE_PARAGRAPHS) else {
                continue;
            };
            // The next paragraph; a byline or a date line may come between
            // (`By Raisa Kowalchuk Ottawa Bureau`), short and with no
            // statement, but no narration.
            let states =
                |p: &text::Paragraph| out.iter().any(|f| p.start <= f.start && f.start < p.end);
            let furniture = |p: &text::Paragraph| {
                let words = &text[p.start..p.end];
                let dated = ["By ", "Updated", "Published", "Posted", "Last updated"]
                    .iter()
                    .any(|w| words.starts_with(w));
                !states(p)
                    && words.split_whitespace().count() <= 12
                    && (dated || !words.ends_with('.'))
            };
            let Some(next_paragraph) = content
                .iter()
                .skip(here + 1)
                .take(3)
                .copied()
                .find(|p| !furniture(p))
                .filter(|p| states(p))
            else {
                continue;
            };
            let first_there = out
                .iter()
                .filter(|f| next_paragraph.start <= f.start && f.start < next_paragraph.end)
                .min_by_key(|f| f.start);
            let Some(named) = first_there
                .and_then(|f| f.speaker.name.as_deref())
                .and_then(|n| ctx.actors.find(n))
            else {
                continue;
            };
            let known = &ctx.actors.known[named];
            let first_mention = ctx.mentions.iter().find(|m| m.known == named).map(|m| m.at);
            let introduced_there = first_mention.is_some_and(|at| at >= next_paragraph.start);
            let registered_roles = self.registered_roles(known);
            let office_fits = known.holds_role(&roles)
                || registered_roles
                    .iter()
                    .any(|r| roles.iter().all(|w| r.contains(w)))
                || (known.roles.is_empty() && registered_roles.is_empty());
            let affiliation = &out[i].speaker.affiliation;
            let country_fits = affiliation.is_empty()
                || known.affiliation.is_empty()
                || known.affiliation == *affiliation;
            if known.kind != ActorKind::Person || !introduced_there || !office_fits || !country_fits
            {
                continue;
            }
            let known = known.clone();
            for f in out.iter_mut() {
                if f.speaker.name.as_deref() == Some(description.as_str()) {
                    f.speaker = speaker_of(&known, std::mem::take(&mut f.speaker.mention));
                }
            }
        }
    }

    /// The role words the registry gives an actor of the document (none for
    /// an actor it does not know).
    fn registered_roles(&self, known: &Known) -> Vec<&Vec<String>> {
        known
            .id
            .map(|id| self.registry.role_words_of(id).collect())
            .unwrap_or_default()
    }
}
