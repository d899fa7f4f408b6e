//! Names in running text: registering the people and bodies a sentence
//! introduces (with their roles, appositives and descriptions) so later
//! mentions resolve to them.

use super::*;

impl Extractor {
    /// Registers `Title Firstname Lastname` mentions so later surnames,
    /// roles and pronouns resolve to them. Returns how each run that starts
    /// with its capitalised word was read, for [`Self::sentence_subject`].
    pub(super) fn register_names(
        &self,
        toks: &[Tok],
        text: &str,
        ctx: &mut DocCtx,
    ) -> Vec<RunReading> {
        let mut readings = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].quote.is_some() || !toks[i].cap || !toks[i].word {
                i += 1;
                continue;
            }
            let j = self.name_run_end(toks, i, true);
            // Include lowercase title words right before the run (Kremlin spokesman Dmitry Peskov
            // already joined; `special envoy Steve Witkoff` starts lowercase).
            let mut a = i;
            while a > 0
                && toks[a - 1].word
                && toks[a - 1].quote.is_none()
                && self.is_title_word(toks[a - 1].lower)
            {
                a -= 1;
            }
            // `Taxi driver Somchai said`: a single name after a noun naming
            // what a person does is a person known by one name.
            if a == i
                && j == i + 1
                && i > 0
                && toks[i - 1].word
                && toks[i - 1].quote.is_none()
                && described_by_role(&toks[i - 1..i])
            {
                a = i - 1;
            }
            // `Martín, a producer from Florida department, said`: a first
            // name introduced with a description is a new person, even when
            // a registered politician (Micheál Martin), not named in this
            // article yet, has it as his surname.
            // (Only with `a`/`an` and a person's noun after the comma:
            // `Martin, 64, said` and `Graham, who co-sponsored the bill,
            // said` are the registered politicians.)
            let registered = |word: &str| {
                self.registry
                    .lookup(word)
                    .filter(|&id| self.registry.get(id).kind == ActorKind::Person)
            };
            let described_as_person = toks.get(j).is_some_and(Tok::is_comma)
                && toks.get(j + 1).is_some_and(|t| t.is("a") || t.is("an"))
                && toks[j + 2..(j + 6).min(toks.len())]
                    .iter()
                    .take_while(|t| t.word && t.quote.is_none())
                    .any(|t| ANON_NOUNS.contains(t.lower));
            let namesake = a == i && j == i + 1 && described_as_person && {
                let word = &text[toks[i].start..toks[i].end];
                registered(word).is_some_and(|id| {
                    !self.registry.get(id).name.eq_ignore_ascii_case(word)
                        && !ctx.actors.known.iter().any(|k| k.id == Some(id))
                })
            };
            // `Another soldier, Andrii, 45, a former schoolteacher, said`:
            // a first name introduced with an age or a description is a
            // new person, whoever else the article names by that first name.
            let introduced = a == i
                && j == i + 1
                && described_after(toks, j, false)
                && registered(&text[toks[i].start..toks[i].end]).is_none();
            let found = if namesake || introduced {
                self.first_name_only(toks, a, j, text, ctx)
                    .or_else(|| self.name_from_run(&toks[a..j], text, ctx))
            } else {
                self.name_from_run(&toks[a..j], text, ctx)
                    .or_else(|| self.first_name_only(toks, a, j, text, ctx))
            };
            if a == i {
                readings.push(RunReading {
                    start: i,
                    end: j,
                    known: found,
                    actors_after: ctx.actors.known.len(),
                });
            }
            if let Some(k) = found {
                // `Hakan Fidan, Turkey's foreign minister, arrived ...`: the
                // appositive is the person's role (`the foreign minister`
                // later is Fidan).
                if ctx.actors.known[k].kind == ActorKind::Person {
                    // `Slovakia's deputy prime minister, Ľubomír Kováč, told
                    // ...`: the description before the name is a role too.
                    let before = self.described_before(toks, a);
                    if let Some(role) = self.appositive_role(toks, j).or(before) {
                        let roles = &mut ctx.actors.known[k].roles;
                        if !roles.contains(&role) {
                            roles.push(role);
                        }
                    }
                }
                let known = &ctx.actors.known[k];
                if known.kind == ActorKind::Person {
                    ctx.mentions.push(Mention {
                        known: k,
                        gender: known.gender,
                        affiliated: !known.affiliation.is_empty(),
                        at: toks[i].start,
                        titled: !known.roles.is_empty(),
                    });
                }
            }
            i = j.max(i + 1);
        }
        readings
    }

    /// The role words of an appositive set off by commas after a name
    /// ending at `end` (`, Turkey's foreign minister,`, `, the head of
    /// military intelligence,`): at most eight words, a role among them,
    /// no verb.
    pub(super) fn appositive_role(&self, toks: &[Tok], end: usize) -> Option<Vec<String>> {
        if !toks.get(end)?.is_comma() {
            return None;
        }
        let close = (end + 1..(end + 10).min(toks.len())).find(|&k| toks[k].is_comma());
        let Some(close) = close else {
            return self.long_appositive_role(toks, end);
        };
        let inner = &toks[end + 1..close];
        // (Not a participle's clause: `Pablo Quirno, speaking to reporters
        // at the San Martín Palace, said`.)
        // (`acting head of ...`, `outgoing prime minister`: an adjective
        // in -ing before the office still names it.)
        let participial = inner.first().is_some_and(Tok::looks_participle)
            && inner.get(1).is_some_and(|t| {
                PREPOSITIONS.contains(t.lower)
                    || DETERMINERS.contains(t.lower)
                    || NOUN_DETERMINERS.contains(t.lower)
            });
        let describes = !inner.is_empty()
            && !participial
            && inner
                .iter()
                .all(|t| t.word && t.quote.is_none() && !t.finite_or_modal())
            && inner
                .iter()
                .any(|t| matches!(self.lex.title(t.lower), Some(TitleKind::Role)));
        let role = describes.then(|| self.title_words(inner))?;
        (!role.is_empty()).then_some(role)
    }

    /// A person the article names by first name only, as it does people
    /// who asked that their surname not be used: `Tomas, 29, a software
    /// developer from Kaunas, said`, `Yulia, whose husband was mobilized,
    /// says`. A lone first name, then a comma and an age, a relative
    /// pronoun or an indefinite article.
    pub(super) fn first_name_only(
        &self,
        toks: &[Tok],
        a: usize,
        j: usize,
        text: &str,
        ctx: &mut DocCtx,
    ) -> Option<usize> {
        // Not a place that is also a first name (`In Sofia, a spokesman
        // said`).
        // `who gave his name only as Andrei`, `who identified herself only
        // as Natalia`: the clause gives the name, and its pronoun the
        // gender when the lexicon has no such first name.
        // (`who identified himself as Ukrainian` gives a nationality.)
        let given = gives_name_at(toks, a) && !self.lex.demonyms.contains_key(toks[a].lower);
        let after_preposition = a > 0 && PREPOSITIONS.contains(toks[a - 1].lower) && !given;
        if j != a + 1 || toks[a].poss || after_preposition {
            return None;
        }
        let gender = match self.lex.first_name_gender(toks[a].lower) {
            Some(gender) => gender,
            None if given => clause_gender(&toks[..a])?,
            // `Trond, who has fished out of Kirkenes for 31 years and would
            // give only his first name, put it more bluntly`: a name the
            // lexicon does not know, whose relative clause says who.
            None => {
                let who = toks.get(j).is_some_and(Tok::is_comma)
                    && toks.get(j + 1).is_some_and(|t| t.is("who"));
                if !who
                    || self.lex.demonyms.contains_key(toks[a].lower)
                    || self.lex.title(toks[a].lower).is_some()
                {
                    return None;
                }
                let clause_end = toks[j + 2..]
                    .iter()
                    .position(|t| t.is_comma() || t.punct("."))
                    .map_or(toks.len(), |p| j + 2 + p);
                clause_gender(&toks[..clause_end])?
            }
        };
        let introduced = described_after(toks, j, true);
        if !introduced && !given {
            return None;
        }
        let name = text[toks[a].start..toks[a].end].to_string();
        Some(ctx.actors.find(&name).unwrap_or_else(|| {
            ctx.actors
                .add(Known::unregistered_person(name, Some(gender)))
        }))
    }

    /// The role of a longer appositive, from its head noun phrase: `Ma
    /// Lixin, a professor of international relations at East China Normal
    /// University in Shanghai, said` (`the professor` later is Ma),
    /// `Rasmus Kjeldgaard, a Danish Renew Europe MEP who sits on the
    /// foreign affairs committee, wrote`. The head opens with a determiner
    /// or a possessor and ends before a preposition or a relative pronoun.
    pub(super) fn long_appositive_role(&self, toks: &[Tok], end: usize) -> Option<Vec<String>> {
        const MAX_APPOSITIVE: usize = 24;
        let first = toks.get(end + 1)?;
        // Or a bare title (`Celso Amorim, chief foreign policy adviser to
        // President Lula, said`).
        let bare_title = !first.cap && self.is_title_word(first.lower);
        if !(matches!(first.lower, "a" | "an" | "the") || first.poss || bare_title) {
            return None;
        }
        let limit = (end + 1 + MAX_APPOSITIVE).min(toks.len());
        let close = (end + 1..limit).find(|&k| !toks[k].word || toks[k].quote.is_some())?;
        if !toks[close].is_comma() && !toks[close].punct(".") {
            return None;
        }
        let inner = &toks[end + 1..close];
        let head_end = inner
            .iter()
            .position(|t| {
                matches!(t.lower, "who" | "which" | "that" | "whose")
                    || PREPOSITIONS.contains(t.lower)
                    || t.finite_or_modal()
            })
            .unwrap_or(inner.len());
        // `Asked about Zelensky, the spokesman said ...`: a noun phrase
        // followed by its own verb is the next clause's subject.
        if inner.get(head_end).is_some_and(Tok::finite_or_modal) {
            return None;
        }
        let head = &inner[..head_end];
        let has_role = head
            .iter()
            .any(|t| matches!(self.lex.title(t.lower), Some(TitleKind::Role)));
        let role = has_role.then(|| self.title_words(head))?;
        (!role.is_empty()).then_some(role)
    }

    /// The role words of a description set off by a comma right before
    /// the name starting at `start` (`Slovakia's deputy prime minister,
    /// Ľubomír Kováč`): at most eight words, a role among them, no verb.
    pub(super) fn described_before(&self, toks: &[Tok], start: usize) -> Option<Vec<String>> {
        if start < 2 || !toks[start - 1].is_comma() {
            return None;
        }
        let mut a = start - 1;
        while a > 0 && start - 1 - a < 8 {
            let t = &toks[a - 1];
            let describes = t.word
                && t.quote.is_none()
                && !t.finite_or_modal()
                && (t.poss
                    || t.cap
                    || self.lex.title(t.lower).is_some()
                    || self.lex.demonyms.contains_key(t.base())
                    || NOUN_DETERMINERS.contains(t.lower)
                    || DETERMINERS.contains(t.lower)
                    || matches!(t.lower, "in" | "of" | "for" | "at" | "to"));
            if !describes {
                break;
            }
            a -= 1;
        }
        let inner = &toks[a..start - 1];
        // Where the sentence (or a clause) starts: not the tail of a list.
        let opens = a == 0 || !toks[a - 1].word;
        let has_role = inner
            .iter()
            .any(|t| matches!(self.lex.title(t.lower), Some(TitleKind::Role)));
        let role = (opens && has_role).then(|| self.title_words(inner))?;
        (!role.is_empty()).then_some(role)
    }

    /// A noun for a person of a nationality (`Dane`, `Latvian`,
    /// `Japanese`): a demonym with a plural of its own (`Danes`), or one in
    /// `-ese`; not a country, capital or metonym (`Kremlin`, `Tehran`).
    pub(super) fn is_nationality_noun(&self, lower: &str) -> bool {
        let demonyms = &self.lex.demonyms;
        demonyms.contains_key(lower)
            && (lower.ends_with("ese") || demonyms.contains_key(format!("{lower}s").as_str()))
    }

    /// The end of the run of capitalised words, title words and name
    /// particles starting at `i`, taking in a possessive and stopping after
    /// it. With `complements`, a title's capitalised complement stays in
    /// the run (`EU Commissioner for Defence Sophie Rousseau`, `Minister of
    /// Foreign Affairs Dmytro Kuleba`), so the person holds the whole title.
    pub(super) fn name_run_end(&self, toks: &[Tok], i: usize, complements: bool) -> usize {
        let mut j = i;
        while j < toks.len()
            && toks[j].word
            && toks[j].quote.is_none()
            && (toks[j].cap
                || self.is_title_word(toks[j].lower)
                || (j > i && particle_in_name(toks, j)))
        {
            j += 1;
            if toks[j - 1].poss {
                break;
            }
            // (And the office's country after its complement: `Minister
            // of Foreign Affairs of Luxembourg Xavier Bettel`.)
            let office_of = || {
                toks[i..j - 1]
                    .iter()
                    .any(|t| matches!(t.lower, "for" | "of"))
                    && toks[i..j]
                        .iter()
                        .any(|t| t.cap && matches!(self.lex.title(t.lower), Some(TitleKind::Role)))
            };
            let complement = complements
                && j + 1 < toks.len()
                && matches!(toks[j].lower, "for" | "of")
                && toks[j - 1].cap
                && toks[j + 1].word
                && toks[j + 1].cap
                && toks[j + 1].quote.is_none()
                && (matches!(self.lex.title(toks[j - 1].lower), Some(TitleKind::Role))
                    || office_of());
            if complement {
                j += 1;
            }
        }
        j
    }

    /// Whether `lower` is a first name of the lexicon, a trailing period
    /// aside (`Wm.`).
    pub(super) fn is_first_name(&self, lower: &str) -> bool {
        self.lex
            .first_name_gender(lower.trim_end_matches('.'))
            .is_some()
    }

    pub(super) fn is_title_word(&self, lower: &str) -> bool {
        matches!(
            self.lex.title(lower),
            Some(TitleKind::Role | TitleKind::Modifier | TitleKind::Abbrev)
        ) || self.lex.demonyms.contains_key(lower)
    }

    /// `According to the Interfax news agency, Peskov said: ...`: a news
    /// outlet relays what the speaker of its clause said (a readout or a
    /// statement reports the act: `According to a Kremlin readout, Putin
    /// told Trump that ...` is the Kremlin's). Whether the `According to`
    /// frame `f` only relays such an attribution.
    pub(super) fn relays_attribution(&self, f: &Frame, frames: &[Frame], toks: &[Tok]) -> bool {
        let source = f.content.and_then(|(cs, _)| toks.get(f.cue_j..cs));
        let outlet = source.unwrap_or_default().iter().any(|t| {
            t.word
                && (MEDIA_HEADS.contains(t.lower)
                        || NEWS_SOURCES.contains(t.lower)
                        // `According to the Kremlin's readout of the call,
                        // Putin told the crown prince that ...`: a record of
                        // what was said relays it as an outlet does.
                        || matches!(
                            t.lower,
                            "readout" | "readouts" | "transcript" | "communique" | "account"
                        ))
        });
        // `According to Interfax, Peskov said:` before a block quote:
        // an attribution with nothing of its own.
        let only_attribution = f.content.is_some_and(|(cs, ce)| {
            let content = toks.get(cs..ce).unwrap_or_default();
            let colon_last = content
                .iter()
                .rev()
                .find(|t| !t.punct("."))
                .is_some_and(|t| t.punct(":"));
            colon_last
                && content.len() <= 8
                && content.iter().rev().find(|t| t.word).is_some_and(|t| {
                    self.lex
                        .cues
                        .longest_at(&[t.lower])
                        .is_some_and(|(form, _)| CORE_SPEECH.contains(form.lemma.as_str()))
                })
        });
        let speaker_follows = f.content.is_some_and(|(cs, ce)| {
            frames.iter().any(|g| {
                g.kind_hint == FrameKind::Normal
                    && CORE_SPEECH.contains(g.form.lemma.as_str())
                    && g.subj.is_some_and(|(a, _)| a == cs && g.cue_i < ce)
            })
        });
        let leading = f.content.is_some_and(|(cs, _)| cs > f.cue_i);
        f.kind_hint == FrameKind::According
            && leading
            && ((outlet && speaker_follows) || only_attribution)
    }

    /// Interprets a run of capitalized and title words as a named person,
    /// recording it with its titles; returns the known index.
    pub(super) fn name_from_run(&self, run: &[Tok], text: &str, ctx: &mut DocCtx) -> Option<usize> {
        let mut name = std::mem::take(&mut ctx.name_buf);
        let found = self.read_name_run(run, text, ctx, &mut name);
        ctx.name_buf = name;
        found
    }

    /// The registered name of a body written with `of` after its head:
    /// `the Foreign Ministry of Russia` is the registry's `Russia's Foreign
    /// Ministry` (Russian Foreign Ministry).
    pub(super) fn registered_body(&self, run: &[Tok], text: &str) -> Option<String> {
        let of = run.iter().rposition(|t| t.is("of"))?;
        let mut owner = &run[of + 1..];
        if owner.first().is_some_and(|t| t.is("the")) {
            owner = &owner[1..];
        }
        if of == 0 || owner.is_empty() {
            return None;
        }
        let possessed = format!(
            "{}'s {}",
            join_base(owner, text),
            join_base(&run[..of], text)
        );
        let id = self.registry.lookup(&possessed)?;
        Some(self.registry.get(id).name.clone())
    }

    /// [`Extractor::name_from_run`], joining names in `name`.
    pub(super) fn read_name_run(
        &self,
        run: &[Tok],
        text: &str,
        ctx: &mut DocCtx,
        name: &mut String,
    ) -> Option<usize> {
        if run.is_empty() {
            return None;
        }
        // `while Abu Dhabi quietly brokers prisoner swaps`: a place of
        // several words speaks for its country, and is nobody's name.
        // (A body, `White House`, `European Parliament`, is itself.)
        if run.len() >= 2
            && run
                .iter()
                .all(|t| t.cap && !INSTITUTION_HEADS.contains(t.lower))
            && self.registry.lookup(&join_base(run, text)).is_none()
        {
            let key = run.iter().map(|t| t.base()).collect::<Vec<_>>().join("_");
            if let Some(country) = self.lex.demonyms.get(key.as_str()) {
                // Unregistered, the country is no speaker to give either.
                let id = self.registry.lookup(country)?;
                let actor = self.registry.get(id);
                return Some(ctx.actors.add_registered(actor, id, vec![]));
            }
        }
        // `Lim Wei Jie from the S Rajaratnam School`: the person is before
        // `from`.
        if let Some(p) = run.iter().position(|t| t.is("from")) {
            if self.name_before_from(run, p + 1) {
                return self.read_name_run(&run[..p], text, ctx, name);
            }
        }
        // `Sen. Thomas Whitlock of Kansas`: the person is before `of`.
        if let Some(p) = run.iter().position(|t| t.is("of")) {
            // Not when a first name and surname end the run: `... in the
            // Autonomous Republic of Crimea Olha Kuryshko`.
            // (`Teodora Yankova of Sofia University`: a body's name that
            // holds a first name.)
            let body_after = run
                .last()
                .is_some_and(|t| INSTITUTION_HEADS.contains(t.lower));
            let person_after = !body_after
                && (p + 1..run.len().saturating_sub(1)).any(|q| self.is_first_name(run[q].lower));
            let named_before = p >= 2
                && !person_after
                && run[p - 2..p].iter().all(|t| {
                    t.cap && !self.is_title_word(t.lower) && !INSTITUTION_HEADS.contains(t.lower)
                });
            if named_before {
                return self.read_name_run(&run[..p], text, ctx, name);
            }
        }
        // Registry match on the longest suffix (the head of the phrase).
        let n = run.len();
        let max = self.registry.longest_alias_words().min(n);
        for k in (1..=max).rev() {
            let window = &run[n - k..];
            if window[0].poss && k > 1 {
                continue;
            }
            join_base_into(window, text, name);
            if let Some(id) = self.registry.lookup(name) {
                // `Martín, a producer, said ... Martín said`: a person the
                // article introduced by this one name is that person, not
                // a registered namesake.
                if n == 1 && self.registry.get(id).kind == ActorKind::Person {
                    let introduced = ctx.actors.find(name).filter(|&k| {
                        let known = &ctx.actors.known[k];
                        known.id.is_none()
                            && known.kind == ActorKind::Person
                            && fold_name(&known.name) == fold_name(name)
                    });
                    if introduced.is_some() {
                        return introduced;
                    }
                }
                let actor = self.registry.get(id);
                // `the Security Service of Ukraine`, `the National Bank of
                // Ukraine`: a body named after its country is not the
                // country's government.
                // `Alternative for Germany`, `Friends of Ukraine`: a name
                // that ends in a country's.
                let body_of = actor.kind != ActorKind::Person
                    && n - k >= 2
                    && (run[n - k - 1].is("of") || run[n - k - 1].is("for"))
                    && (run[..n - k - 1]
                        .iter()
                        .any(|t| t.cap && INSTITUTION_HEADS.contains(t.lower))
                        || (run[n - k - 2].cap && !self.is_title_word(run[n - k - 2].lower)));
                // `The Russian mission to the EU`: where a mission serves
                // is not who speaks.
                let hosted = actor.kind != ActorKind::Person
                    && run[..n - k]
                        .windows(2)
                        .any(|w| MISSIONS.contains(w[0].lower) && (w[1].is("to") || w[1].is("in")));
                if body_of || hosted {
                    return None;
                }
                // `Lockheed Martin`, `Chris Martin`: a registered surname
                // after another name (not a title, a country's adjective, an
                // initial or the registered first name) is someone else's.
                let other_name = actor.kind == ActorKind::Person && k == 1 && n > 1 && {
                    let folded = fold_name(&actor.name);
                    let first = folded.split(' ').next().map(translit_key);
                    run[..n - 1].iter().any(|t| {
                        let registered_first = first.as_deref() == Some(&*translit_key(t.lower));
                        t.cap
                            && !t.poss
                            && t.lower.trim_end_matches('.').chars().count() > 1
                            && self.lex.title(t.lower).is_none()
                            && !self.lex.demonyms.contains_key(t.base())
                            && !registered_first
                    })
                };
                if other_name {
                    break;
                }
                if actor.kind == ActorKind::Person || k == n || !run[n - k - 1].cap {
                    let titles = self.title_words(&run[..n - k]);
                    let roles = if titles.is_empty() {
                        vec![]
                    } else {
                        vec![titles]
                    };
                    return Some(ctx.actors.add_registered(actor, id, roles));
                }
            }
        }
        // `Mitsui & Co.`, `Toyota Motor Corp.`, `Shell plc`: a company's
        // name, whole.
        // (The run holds words only: the ampersand is in the text between
        // two of them.)
        let company = n >= 2
            && (COMPANY_SUFFIXES.contains(run[n - 1].lower)
                || run.windows(2).any(|w| {
                    text.get(w[0].end..w[1].start)
                        .is_some_and(|gap| gap.contains('&'))
                }));
        if company {
            let from = run.iter().position(|t| t.cap).unwrap_or(0);
            // (The text itself: the run holds words only, and the ampersand
            // is the name's.)
            name.clear();
            for (k, word) in text[run[from].start..run[n - 1].end]
                .split_whitespace()
                .enumerate()
            {
                if k > 0 {
                    name.push(' ');
                }
                name.push_str(word);
            }
            return Some(
                ctx.actors
                    .find(name)
                    .unwrap_or_else(|| ctx.actors.add(Known::unregistered_body(name.clone()))),
            );
        }
        // `The Kyiv Independent`, `the Kyiv Post`, `Novaya Gazeta`: an
        // outlet's name (a place and its paper's noun), not a place.
        let outlet = n >= 2
            && run[n - 1].cap
            && run[n - 2].cap
            && !run[n - 2].poss
            && MEDIA_HEADS.contains(run[n - 1].lower);
        if outlet {
            let from = run[..n - 1]
                .iter()
                .rposition(|t| {
                    !t.cap
                        || t.poss
                        || t.is("the")
                        || matches!(
                            self.lex.title(t.lower),
                            Some(TitleKind::Role | TitleKind::Modifier | TitleKind::Abbrev)
                        )
                })
                .map_or(0, |p| p + 1);
            join_base_into(&run[from..], text, name);
            return Some(ctx.actors.add(Known::unregistered_body(name.clone())));
        }
        // `Transparency International (Georgia)`: `International` or
        // `National` after a name's first word, with no role and no first
        // name, makes a body's name (a title's modifier elsewhere).
        let body_named = n >= 2
            && run[1..]
                .iter()
                .any(|t| matches!(t.lower, "international" | "national"))
            && run.iter().all(|t| t.cap && t.word && !t.poss)
            // (Not `SVP National Councillor Thomas Aeschi`.)
            && !run
                .windows(2)
                .any(|w| self.is_first_name(w[0].lower) && w[1].cap)
            && self.lex.title(run[0].lower).is_none()
            && !self.lex.demonyms.contains_key(run[0].lower)
            && run
                .iter()
                .all(|t| self.lex.title(t.lower) != Some(TitleKind::Role));
        if body_named {
            join_base_into(run, text, name);
            return Some(
                ctx.actors
                    .find(name)
                    .unwrap_or_else(|| ctx.actors.add(Known::unregistered_body(name.clone()))),
            );
        }
        // Unregistered person: trailing capitalized words that are not titles.
        let mut a = n;
        while a > 0 {
            let t = &run[a - 1];
            if a < n && particle_in_name(run, a - 1) {
                a -= 1;
                continue;
            }
            // `Seafarer Rodel, 34, said`, `Pensioner Halyna said`: a
            // sentence's first word naming what a person does describes the
            // name after it (a surname such as `Driver` ends the run).
            // (Not a first name that is also such a noun, `Marine Le Pen`,
            // unless a first name follows: `Marine Oleksandr Petrenko`.)
            let described = a == 1
                && a < n
                && ANON_NOUNS.contains(t.lower)
                && (!self.is_first_name(t.lower) || self.is_first_name(run[a].lower));
            // `Prime Minister Luís Montenegro`: a country's name after a
            // first name is a surname.
            let surname_country = a == n && a >= 2 && self.is_first_name(run[a - 2].lower);
            let stop = !t.cap
                || self.lex.title(t.lower).is_some()
                || (self.lex.demonyms.contains_key(t.lower)
                    && !surname_country
                    // `Yang Uk`: a country's short abbreviation is written
                    // in capitals (`UK`, `US`).
                    && (t.lower.len() > 3 || t.upper))
                || NOT_NAMES.contains(t.lower)
                || INSTITUTION_HEADS.contains(t.lower)
                || (t.poss && a < n)
                || described;
            if stop {
                break;
            }
            a -= 1;
        }
        // `Commissioner for Human Rights Dunja Mijatovic`: after a title's
        // complement the name starts at its first name (or is its last two
        // words), not at the complement's capitalised words.
        // Read from inside such a title (`for Human Rights Dunja Mijatovic`)
        // the first name still marks where the name starts.
        // (Not when the name already opens with a first name, or is two
        // words and a generational suffix: `President Ferdinand Marcos
        // Jr.`, where `Marcos` is a first name too.)
        let suffixed = is_generational_suffix(run[n - 1].lower);
        if n - a > 2 + usize::from(suffixed) && !self.is_first_name(run[a].lower) {
            let first_name = (a + 1..n - 1).find(|&q| self.is_first_name(run[q].lower));
            // A singular capitalised title and its complement, not a group
            // (`Representatives of the World Food Programme`).
            let complemented = run[..a].windows(3).any(|w| {
                w[0].cap
                    && !w[0].lower.ends_with('s')
                    && matches!(self.lex.title(w[0].lower), Some(TitleKind::Role))
                    && matches!(w[1].lower, "for" | "of")
                    && w[2].cap
            });
            if let Some(q) = first_name {
                a = q;
            } else if complemented {
                a = n - 2;
            }
        }
        let name_toks = &run[a..];
        // (Five words with a particle: `Luiz Inacio Lula da Silva`.)
        let too_long = name_toks.len() > 5
            || (name_toks.len() == 5 && !(a..n).any(|k| particle_in_name(run, k)));
        if name_toks.is_empty() || too_long {
            return None;
        }
        join_base_into(name_toks, text, name);
        if name_toks.len() == 1 {
            // `the Lady R affair` (a ship), `Mr X`: a letter alone names no
            // one a pronoun could stand for.
            if name_toks[0].lower.trim_end_matches('.').chars().count() == 1 {
                return None;
            }
            let found = ctx.actors.find(name);
            let honorific = || {
                run[..a].iter().find_map(|t| match self.lex.title(t.lower) {
                    Some(TitleKind::Honorific(g)) => Some((t.lower, g)),
                    _ => None,
                })
            };
            // `Sir Keir said` (a knight by his first name); `Lin said`
            // after `Lin Jian` (the surname first).
            // `Patriarch Kirill`, `Pope Leo`, `King Charles`: titles whose
            // holders go by one name.
            let one_named = run[..a].iter().rfind(|t| {
                matches!(
                    t.lower,
                    "pope"
                        | "patriarch"
                        | "metropolitan"
                        | "archbishop"
                        | "cardinal"
                        | "king"
                        | "queen"
                        | "prince"
                        | "princess"
                        | "emir"
                        | "sultan"
                        | "sheikh"
                        | "ayatollah"
                )
            });
            let found = found.or_else(|| {
                let token = name_toks[0].lower.trim_end_matches('.');
                // Not a first name the lexicon knows: `A local teacher,
                // Volodymyr, said` is not Volodymyr Zelensky.
                let by_first_name = self.lex.first_name_gender(token).is_none()
                    || matches!(honorific(), Some(("sir" | "dame", _)));
                let k = ctx.actors.find_by_first_name(name)?;
                // `Prince Faisal said` after `Prince Faisal bin Farhan`: a
                // royal goes by the first name, when named with the same
                // title (not `Patriarch Kirill` after `Kirill Dmitriev`).
                let same_title = one_named.is_some_and(|title| {
                    ctx.actors.known[k]
                        .roles
                        .iter()
                        .any(|role| role.iter().any(|w| w == title.lower))
                });
                (by_first_name || same_title).then_some(k)
            });
            // `Lord Dannatt, a former head of the Army, said`, `Mr Cameron
            // said` (the Economist's first mention): an honorific makes a
            // first-seen surname a person; `Messrs.` names several.
            let addressed = found
                .is_none()
                .then(honorific)
                .flatten()
                .filter(|(h, _)| *h != "messrs.");
            // `Gen. Petrov said`, `Dr Koh said`, `Defence Secretary Healey
            // said`: a capitalised title right before a first-seen surname
            // makes it a person too. A single role word is often a
            // company's or a body's first word (`General Motors`, `Admiral
            // Markets`): a role needs another title word or a demonym
            // before it.
            let titled = || {
                a > 0
                    && run[a - 1].cap
                    && match self.lex.title(run[a - 1].lower) {
                        Some(TitleKind::Abbrev) => true,
                        Some(TitleKind::Role) => {
                            a >= 2
                                && run[a - 2].cap
                                && (self.is_title_word(run[a - 2].lower)
                                    || self.lex.demonyms.contains_key(run[a - 2].base()))
                        }
                        _ => false,
                    }
            };
            let idx = match (found, addressed, one_named) {
                (Some(idx), _, _) => idx,
                (None, Some((_, gender)), _) => ctx
                    .actors
                    .add(Known::unregistered_person(name.clone(), gender)),
                (None, None, Some(title)) => {
                    // Known by title and name: `Patriarch Kirill`.
                    let gender = self.lex.first_name_gender(name_toks[0].lower);
                    *name = format!("{} {name}", &text[title.start..title.end]);
                    ctx.actors
                        .add(Known::unregistered_person(name.clone(), gender))
                }
                (None, None, None) if titled() || described_by_role(&run[..a]) => ctx
                    .actors
                    .add(Known::unregistered_person(name.clone(), None)),
                (None, None, None) => return None,
            };
            let titles = self.title_words(&run[..a]);
            if !titles.is_empty() {
                ctx.actors.known[idx].roles.push(titles);
            }
            return Some(idx);
        }
        if self.registry.lookup(name).is_some() {
            return None; // a multi-word institution alias (`White House`)
        }
        let first = name_toks[0].lower.trim_end_matches('.').to_string();
        let honorific = run[..a].iter().find_map(|t| match self.lex.title(t.lower) {
            Some(TitleKind::Honorific(g)) => g,
            _ => None,
        });
        let gender = honorific.or_else(|| self.lex.first_name_gender(&first));
        let titles = self.title_words(&run[..a]);
        let affiliation = run[..a]
            .iter()
            .find_map(|t| self.lex.demonyms.get(t.base()).cloned())
            .unwrap_or_default();
        Some(ctx.actors.add(Known {
            name: name.clone(),
            id: None,
            kind: ActorKind::Person,
            gender,
            affiliation,
            roles: if titles.is_empty() {
                vec![]
            } else {
                vec![titles]
            },
        }))
    }

    /// The role words of a description, the bloc and the alliance named: `the
    /// bloc's top diplomat` is the EU's, `the alliance's secretary general`
    /// NATO's (as the registry reads `the alliance`), and countries by their
    /// adjective (`Russia's leader` is `the Russian leader`).
    pub(super) fn description_role_words(&self, phrase: &str) -> Vec<String> {
        let words = role_words(phrase)
            .into_iter()
            .map(|w| match w.as_str() {
                "bloc" => "eu".to_string(),
                "alliance" => "nato".to_string(),
                _ => w,
            })
            .collect();
        self.lex.role_words_by_adjective(words)
    }

    pub(super) fn title_words(&self, toks: &[Tok]) -> Vec<String> {
        // Most names come without a title: nothing to fold.
        if toks.is_empty() {
            return Vec::new();
        }
        let joined: Vec<String> = toks.iter().map(|t| t.base().to_string()).collect();
        self.lex
            .role_words_by_adjective(role_words(&joined.join(" ")))
    }

    /// `The Kremlin issued a statement on Monday.`, `Zelensky posted on
    /// Telegram.`: a later `the statement`, `the post` is theirs.
    pub(super) fn note_issued_document(
        &self,
        toks: &[Tok],
        text: &str,
        ctx: &mut DocCtx,
        hint: &Option<(usize, Speaker)>,
    ) {
        let Some(v) = toks.iter().position(|t| {
            // Every issuing verb ends in `-ed`: most words are ruled out
            // without a lookup.
            t.lower.ends_with("ed") && t.quote.is_none() && ISSUING_VERBS.contains(t.lower)
        }) else {
            return;
        };
        let noun = if toks[v].is("posted") {
            Some("post")
        } else {
            toks[v + 1..(v + 5).min(toks.len())]
                .iter()
                .take_while(|t| t.word && t.quote.is_none())
                .find(|t| DOCUMENT_NOUNS.contains(t.lower))
                .map(|t| t.lower)
        };
        let Some(noun) = noun else {
            return;
        };
        let Some((a, b)) = self.np_left(toks, v) else {
            return;
        };
        if let Some(source) = self.resolve_np(&toks[a..b], text, ctx, hint, toks[a].start) {
            ctx.last_document = Some((singular(noun), source));
            ctx.issued_document_end = toks.last().map(|t| t.end);
        }
    }

    /// `Zelensky said in a statement that ...`, `In its statement, the
    /// ministry called on ...`, `she wrote on Telegram`: the document a
    /// statement was made in is its speaker's, and a later `the statement
    /// said` or `“...,” the post reads` is theirs. `toks` is the stretch of
    /// the sentence around the cue, outside the content.
    pub(super) fn note_occasion_document(&self, toks: &[Tok], speaker: &Speaker, ctx: &mut DocCtx) {
        if speaker.name.is_none() {
            return;
        }
        for k in 0..toks.len() {
            // `in a statement`, `in its latest post`: a document; `wrote on
            // Telegram`, `said on X`: a post.
            let noun = occasion_at(toks, k).and_then(|(_, q)| {
                if toks[k].is("on") {
                    Some("post".to_string())
                } else if toks[k].is("in") && DOCUMENT_NOUNS.contains(toks[q].lower) {
                    Some(singular(toks[q].lower))
                } else {
                    None
                }
            });
            // `Responding to a post on Telegram by Zelensky, Peskov said`:
            // someone else's document.
            let others = || {
                toks[k + 1..(k + 7).min(toks.len())]
                    .iter()
                    .any(|t| t.is("by") || t.is("from"))
            };
            if let Some(noun) = noun.filter(|_| !others()) {
                ctx.last_document = Some((noun, speaker.clone()));
                return;
            }
        }
    }

    /// The first person named in the sentence as a clause subject
    /// (not possessive, not after a preposition): pronouns in the same
    /// sentence prefer it.
    pub(super) fn sentence_subject(
        &self,
        toks: &[Tok],
        text: &str,
        ctx: &mut DocCtx,
        readings: &[RunReading],
    ) -> Option<(usize, Speaker)> {
        let mut fallback = None;
        // `Her husband, a soldier on leave, disagrees. A pause, he says,
        // ...`: a relative opening the sentence is its subject, whom a
        // pronoun after it can take up.
        let opener = usize::from(
            toks.first()
                .is_some_and(|t| matches!(t.lower, "but" | "and")),
        );
        if let [owner, kin, next, rest @ ..] = &toks[opener.min(toks.len())..] {
            // Only a relative the sentence gives a view to (`disagrees`,
            // `thinks`, `is less sure`), not one it tells of (`His son was
            // killed in Bakhmut. “...,” he said` is the father's; so after
            // `His son went missing`, `His son and daughter fled`).
            let predicate = if next.is_comma() {
                rest.iter()
                    .skip_while(|t| !t.is_comma())
                    .skip(1)
                    .find(|t| t.word)
            } else {
                Some(next)
            };
            let gives_view = predicate.is_some_and(|verb| {
                let l = verb.lower;
                [
                    "disagree", "agree", "think", "believe", "fear", "worr", "doubt", "hope",
                ]
                .iter()
                .any(|stem| l.starts_with(stem))
                    || matches!(l, "feels" | "felt" | "sees" | "saw" | "is" | "was")
                        && rest
                            .iter()
                            .skip_while(|t| t.start <= verb.start)
                            .find(|t| t.word)
                            .is_some_and(|t| {
                                matches!(
                                    t.lower,
                                    "less"
                                        | "more"
                                        | "not"
                                        | "unconvinced"
                                        | "sceptical"
                                        | "skeptical"
                                        | "blunter"
                                        | "unimpressed"
                                        | "differently"
                                )
                            })
            });
            if matches!(owner.lower, "his" | "her")
                && KIN_NOUNS.contains(kin.lower)
                && (next.is_comma() || (next.word && !next.cap && next.quote.is_none()))
                && owner.quote.is_none()
                && gives_view
            {
                let np = &toks[opener..opener + 2];
                if let Some(sp) = self.resolve_np(np, text, ctx, &None, owner.start) {
                    return Some((owner.start, sp));
                }
            }
        }
        // `A 79-year-old woman whose family left Etorofu, and who asked not
        // to be named, was blunter. “...,” she said`: an unnamed source of
        // known gender the sentence gives a view to, whom a pronoun after
        // it takes up.
        let body = &toks[opener.min(toks.len())..];
        let indefinite = body
            .first()
            .is_some_and(|t| matches!(t.lower, "a" | "an" | "one" | "another"));
        let head = || {
            (1..body.len().min(5)).find(|&k| {
                ANON_NOUNS.contains(body[k].lower) && gender_of_noun(body[k].lower).is_some()
            })
        };
        if let Some(h) = indefinite.then(head).flatten() {
            let plain = body[1..h]
                .iter()
                .all(|t| t.word && !t.cap && !t.finite_or_modal())
                && toks.iter().all(|t| t.quote.is_none() && t.mark.is_none());
            let view = body[h + 1..].windows(2).any(|w| {
                [
                    "disagree",
                    "agreed",
                    "agrees",
                    "was blunter",
                    "was less",
                    "was more",
                    "sounded",
                    "was unconvinced",
                    "was sceptical",
                    "was skeptical",
                ]
                .iter()
                .any(|v| match v.split_once(' ') {
                    Some((a, b)) => w[0].is(a) && w[1].is(b),
                    None => w[0].lower.starts_with(v),
                })
            });
            if plain && view {
                let np = &body[..=h];
                if let Some(sp) = self.resolve_np(np, text, ctx, &None, body[0].start) {
                    return Some((body[0].start, sp));
                }
            }
        }
        // `Asked whether relief had been discussed with US envoy Steve
        // Witkoff, he said only ...`: the people of an opening participle
        // clause are not its subject, whom the clause leaves unnamed.
        let opening_clause_end = opening_clause_end(toks).unwrap_or(0);
        let mut i = opening_clause_end;
        while i < toks.len() {
            let t = &toks[i];
            if !t.word || !t.cap || t.quote.is_some() {
                i += 1;
                continue;
            }
            let j = self.name_run_end(toks, i, false);
            let after_prep =
                i > 0 && PREPOSITIONS.contains(toks[i - 1].lower) && !toks[i - 1].is("by");
            if !toks[j - 1].poss {
                // `register_names` read the same run a moment ago; reading
                // it again gives the same actor unless an actor was added
                // since (a later run of the sentence can make a lone
                // surname resolve, or stop resolving).
                let reused = readings
                    .iter()
                    .find(|r| r.start == i && r.end == j)
                    .filter(|r| r.actors_after == ctx.actors.known.len());
                let found = match reused {
                    Some(r) => r.known,
                    None => self.name_from_run(&toks[i..j], text, ctx),
                };
                if let Some(k) = found {
                    let known = &ctx.actors.known[k];
                    if known.kind == ActorKind::Person {
                        let found = (
                            toks[i].start,
                            speaker_of(known, join_text(&toks[i..j], text)),
                        );
                        if !after_prep {
                            return Some(found);
                        }
                        // `led by Rustem Umerov, the former minister`: the
                        // only person of the sentence is still its topic.
                        fallback.get_or_insert(found);
                    }
                }
            }
            i = j.max(i + 1);
        }
        fallback
    }
}

/// Whether `toks[a]` is the name a relative clause gives its person by:
/// `who gave only his first name, Oleh,`, `who gave his name only as
/// Andrei`, `who identified herself only as Natalia`, `who asked to be
/// identified only by his first name, Sergei`.
pub(super) fn gives_name_at(toks: &[Tok], a: usize) -> bool {
    if a < 2 || !toks[a].cap || !toks[a].word {
        return false;
    }
    if toks[a - 1].is_comma() && names_at(toks, a - 2) {
        return true;
    }
    if !toks[a - 1].is("as") {
        return false;
    }
    // Back to the relative pronoun, a naming word before `as`: not `who
    // served as Defence Minister`.
    let from = a.saturating_sub(10);
    let Some(who) = (from..a - 1).rev().find(|&k| toks[k].is("who")) else {
        return false;
    };
    (who + 1..a - 1).any(|k| {
        names_at(toks, k)
            || matches!(
                toks[k].lower,
                "identified" | "identify" | "identifies" | "identifying"
            )
    })
}

/// The gender a relative clause gives its person by its reflexive or
/// possessive pronoun (`who identified herself`, `who gave his name`).
fn clause_gender(before: &[Tok]) -> Option<Gender> {
    let who = before.iter().rposition(|t| t.is("who"))?;
    before[who + 1..].iter().find_map(|t| match t.lower {
        "he" | "his" | "him" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    })
}

/// Whether the comma at `toks[j]` opens a description of the name before
/// it: an age (`Andrii, 45,`), an indefinite article (`Martín, a producer`)
/// or, with `relative`, a relative pronoun (`Yulia, whose husband ...`).
fn described_after(toks: &[Tok], j: usize, relative: bool) -> bool {
    toks.get(j).is_some_and(Tok::is_comma)
        && toks.get(j + 1).is_some_and(|t| {
            is_age(t.lower)
                || (t.lower.len() <= 3 && t.lower.bytes().all(|b| b.is_ascii_digit()))
                || matches!(t.lower, "a" | "an")
                || (relative && matches!(t.lower, "who" | "whose"))
        })
}

/// Whether the words before a single name end with a singular noun naming
/// what a person does or is (`taxi driver Somchai`, `Pensioner Halyna`,
/// `seafarer Rodel`): the name is then a person's, known by one name.
fn described_by_role(before: &[Tok]) -> bool {
    // (Not a word that is also an adjective or a kind of body: `the
    // official Sana news agency`, `state media Xinhua`.)
    before.last().is_some_and(|t| {
        ANON_NOUNS.contains(t.lower)
            && !t.lower.ends_with('s')
            && !t.poss
            && !matches!(t.lower, "official" | "media" | "source" | "press")
    })
}
