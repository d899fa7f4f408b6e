//! Finding frames: each reporting cue in a sentence with the subject it
//! belongs to and where its content starts.

use super::*;

impl Extractor {
    /// Finds cue frames with their subjects (speakers resolved later).
    pub(super) fn find_frames(&self, toks: &[Tok], text: &str) -> Vec<Frame<'_>> {
        let lowers: Vec<&str> = toks.iter().map(|t| t.lower).collect();
        let mut frames = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].word || toks[i].quote.is_some() {
                i += 1;
                continue;
            }
            let Some((mut form, mut len)) = self.lex.cues.longest_at(&lowers[i..]) else {
                i += 1;
                continue;
            };
            // `agreed on Thursday to use ...`: `on` opens a date, not the
            // object of `agree on`.
            let dated = len > 1
                && matches!(lowers[i + len - 1], "on" | "in")
                && toks.get(i + len).is_some_and(|t| is_date_word(t.lower));
            if dated {
                match self.lex.cues.longest_at(&lowers[i..i + len - 1]) {
                    Some((f, l)) => (form, len) = (f, l),
                    None => {
                        i += 1;
                        continue;
                    }
                }
            }
            let j = i + len;
            let sentence_initial = i == 0 || toks[i - 1].mark.is_some_and(|(_, open)| open);
            if toks[i].cap && !sentence_initial {
                i += 1;
                continue;
            }
            if toks[i..j].iter().any(|t| t.quote.is_some() || !t.word) {
                i += 1;
                continue;
            }
            if let Some(f) = self.frame_at(toks, text, i, j, form) {
                frames.push(f);
                i = j;
            } else {
                i += 1;
            }
        }
        frames
    }

    #[allow(clippy::too_many_lines)]
    pub(super) fn frame_at<'l>(
        &self,
        toks: &[Tok],
        text: &str,
        i: usize,
        j: usize,
        form: &'l CueForm,
    ) -> Option<Frame<'l>> {
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        // `..., which most EU leaders agree with, flew to Kyiv`: a
        // preposition stranded by a relative clause has its object before
        // the verb, and nothing after it is reported.
        let stranded = toks.get(j).is_some_and(|t| PREPOSITIONS.contains(t.lower))
            && toks
                .get(j + 1)
                .is_some_and(|t| t.is_comma() || t.punct("."));
        if stranded {
            return None;
        }
        let prev_lower = prev.map_or("", |t| t.lower);
        // `TASS quoted Peskov as saying ...`: the frame is the saying's.
        let relays_saying = matches!(toks[i].lower, "quoted" | "quotes" | "cited" | "cites")
            && (j + 1..(j + 7).min(toks.len())).any(|k| {
                toks[k - 1].is("as") && matches!(toks[k].lower, "saying" | "telling" | "stating")
            });
        // `White House press secretary Karoline Leavitt`, `a press
        // conference`: a noun compound, not the verb.
        let compound = toks[i].is("press")
            && toks
                .get(j)
                .is_some_and(|n| PRESS_COMPOUNDS.contains(n.lower));
        // `a diplomat, who spoke to RFE/RL on condition that he not be
        // identified, said ...`: the anonymity phrase reports nothing.
        // `two sources said on condition of anonymity` still reports.
        let anonymity = (form.lemma.starts_with("speak") || form.lemma.starts_with("talk"))
            && toks[j..(j + 6).min(toks.len())]
                .windows(2)
                .any(|w| w[0].is("on") && matches!(w[1].lower, "condition" | "the"))
            && toks[j..(j + 7).min(toks.len())]
                .iter()
                .any(|t| t.is("condition"));
        // `reported, citing two sources, that ...`, `citing Interfax`: the
        // sources of a report, not what anyone said.
        let cites_source = form.lemma == "cite"
            && toks[j..(j + 5).min(toks.len())]
                .iter()
                .take_while(|t| t.word)
                .enumerate()
                .any(|(n, t)| ANON_NOUNS.contains(t.lower) || (n == 0 && t.cap));
        // `who asked that his name not be published`, `asked not to be
        // named`: a request for anonymity reports nothing.
        // `that his full name not be used` (an adjective before the noun);
        // `that neither he nor his company be identified`: a subjunctive
        // `be identified` under a negation in the first clause.
        let request = &toks[j..(j + 10).min(toks.len())];
        let request = &request[..request
            .iter()
            .position(Tok::is_comma)
            .unwrap_or(request.len())];
        let asks_anonymity = matches!(form.lemma.as_str(), "ask" | "request")
            && ((j..(j + 7).min(toks.len())).any(|p| {
                // `that his name not be published`, `that her identity be
                // withheld`; not `to put his name to a deal`.
                let noun = (p + 1..(p + 3).min(toks.len()))
                    .find(|&q| matches!(toks[q].lower, "name" | "surname" | "identity" | "names"));
                let noun = noun.filter(|&q| {
                    q == p + 1 || matches!(toks[p + 1].lower, "full" | "real" | "last" | "first")
                });
                matches!(toks[p].lower, "his" | "her" | "their" | "its")
                    && noun.is_some_and(|q| {
                        toks[q + 1..(q + 4).min(toks.len())]
                            .iter()
                            .any(|t| t.is("not") || t.is("withheld"))
                    })
            }) || [["not", "to", "be"], ["to", "not", "be"]].iter().any(|p| {
                toks.get(j..j + 3)
                    .is_some_and(|w| w.iter().zip(p).all(|(t, x)| t.is(x)))
            }) || request.windows(2).enumerate().any(|(k, w)| {
                // (The request is about the speaker: `that neither he nor
                // his company be identified`, not `that Russia not be
                // named as a guarantor`.)
                w[0].is("be")
                    && matches!(w[1].lower, "identified" | "named" | "quoted")
                    && request[..k]
                        .iter()
                        .any(|t| t.is("not") || t.is("neither") || t.is("nor"))
                    && request[..k]
                        .iter()
                        .any(|t| matches!(t.lower, "he" | "she" | "they" | "his" | "her" | "their"))
            }));
        if relays_saying || compound || anonymity || cites_source || asks_anonymity {
            return None;
        }
        let cue_text = join_text(&toks[i..j], text);
        let mut frame = Frame {
            cue_i: i,
            cue_j: j,
            cue_text,
            form,
            participle: form.participle,
            subj: None,
            speaker: None,
            content: None,
            region_start: i,
            region_end: toks.len(),
            kind_hint: FrameKind::Normal,
            np_content: false,
            continuation: None,
        };
        if form.classes.phrase {
            return self.phrase_frame(toks, text, frame);
        }
        // `a person briefed on the discussions said`, `a French diplomat
        // posted in Tbilisi`: a participle describing an unnamed source, not
        // its verb.
        let describes_source = prev.is_some_and(|p| ANON_NOUNS.contains(p.lower))
            && ANON_POSTMODIFIERS.iter().any(|m| {
                // Not `posted on Telegram`.
                m[0] == toks[i].lower
                    && (m.len() == 1
                        && toks
                            .get(j)
                            .is_some_and(|t| PREPOSITIONS.contains(t.lower) && !t.is("on"))
                        || (m.len() == 2 && toks.get(j).is_some_and(|t| t.is(m[1]))))
            });
        if describes_source {
            return None;
        }
        // `shot down the proposal` rejects it; `shot down a reconnaissance
        // drone` is an act of war.
        if form.lemma == "shoot down" {
            let idea = toks[j..].iter().take(5).take_while(|t| t.word).any(|t| {
                matches!(
                    t.lower,
                    "idea"
                        | "ideas"
                        | "proposal"
                        | "proposals"
                        | "plan"
                        | "plans"
                        | "suggestion"
                        | "suggestions"
                        | "report"
                        | "reports"
                        | "claim"
                        | "claims"
                        | "notion"
                        | "request"
                        | "requests"
                        | "talk"
                        | "bill"
                        | "offer"
                        | "demand"
                        | "demands"
                        | "speculation"
                        | "rumours"
                        | "rumors"
                )
            });
            if !idea {
                return None;
            }
        }
        // `called on allies to send more air defence` asks something of
        // them; `called on Putin in Moscow` is a visit.
        if form.lemma == "call on" && !infinitive_within(toks, j, 6) {
            return None;
        }
        // `who asked not to be named`, `asked to remain anonymous`: the
        // terms of the interview, not a statement.
        let after = |n: usize| toks.get(j + n).map_or("", |t| t.lower);
        let anonymity = matches!(
            (after(0), after(1), after(2), after(3)),
            ("not", "to", "be", "named" | "identified" | "quoted")
                | ("to", "remain", "anonymous", _)
                | ("anonymity", _, _, _)
                | ("to", "speak", "anonymously", _)
        );
        if anonymity {
            return None;
        }
        // `Zakharova, commenting on Pashinyan's remarks, said ...`: what
        // is commented on is no statement (the report follows).
        if toks[i].is("commenting") && after(0) == "on" {
            return None;
        }
        // `an official request to contribute`: a base form after a singular
        // indefinite noun is a noun compound, not a verb of that subject.
        // (`a Russian request that ...` is Russia's.)
        if form.base && i >= 2 && matches!(toks[i - 2].lower, "a" | "an") && !toks[i - 1].cap {
            return None;
        }
        // `pushing back against suggestions from Washington that a deal
        // could unlock a ceasefire`: the noun's source, then its clause.
        if form.classes.noun && toks.get(j).is_some_and(|t| t.is("from")) {
            let that = (j + 2..(j + 8).min(toks.len()))
                .take_while(|&n| toks[n].word && toks[n].quote.is_none())
                .find(|&n| toks[n].is("that"));
            let sourced = that.filter(|&b| {
                toks[j + 1..b].iter().all(|t| !t.finite_or_modal())
                    && b + 1 < toks.len()
                    && self.looks_like_clause(toks, b + 1)
            });
            if let Some(b) = sourced {
                frame.subj = Some((j + 1, b));
                frame.content = Some((b + 1, toks.len()));
                return Some(frame);
            }
        }
        if form.classes.noun && !form.classes.clause && !form.classes.np {
            return None;
        }
        // Noun uses (`the report`, `his remarks`, `Putin’s declared truce`).
        if prev.is_some_and(|p| p.poss) || NOUN_DETERMINERS.contains(prev_lower) {
            return None;
        }
        // `Magdalena Andersson, who hopes to unseat Kristersson in the
        // election, agreed`: a relative clause's wish is no report.
        if prev_lower == "who"
            && matches!(form.lemma.as_str(), "hope" | "plan" | "intend" | "aim")
            && toks.get(j).is_some_and(|t| t.is("to"))
        {
            return None;
        }
        // `after media reports that ...`, `press reports`: the noun.
        // (`Local media report that ...` is the verb.)
        if toks[i].is("reports") && matches!(prev_lower, "media" | "press" | "news") {
            return None;
        }
        // `Russian state media reported`: a noun after a nationality (not a
        // verb after a place: `Officials in Riyadh acknowledge ...`).
        let nationality_before = form.base
            && toks[i].is("state")
            && prev.is_some_and(|p| {
                p.cap
                    && !p.lower.ends_with('s')
                    && ["an", "ese", "ish", "i", "ch"]
                        .iter()
                        .any(|e| p.lower.ends_with(e))
                    && self.lex.demonyms.contains_key(p.lower)
            })
            && (i < 2 || !PREPOSITIONS.contains(toks[i - 2].lower))
            && toks
                .get(j)
                .is_some_and(|n| n.word && !n.cap && !n.is("that") && n.quote.is_none());
        if nationality_before {
            return None;
        }
        // Infinitives, modals and negation report nothing (`declined to say`).
        // The emphatic auxiliary after its subject does (`Rutte did concede
        // that ...`; not the question's `did he say` nor `What he did say
        // was`).
        let emphatic = matches!(prev_lower, "did" | "does")
            && i >= 2
            && (toks[i - 2].cap
                || matches!(toks[i - 2].lower, "he" | "she" | "they" | "it" | "we"))
            && toks[..i - 2].iter().all(|t| !t.is("what"));
        if form.base && MODALS.contains(prev_lower) && !emphatic {
            return None;
        }
        // `Did Putin say that ...?`, `Why did he say ...?`: a question's
        // inverted auxiliary asks, nobody reports.
        let asked = form.base
            && toks.last().is_some_and(|t| t.punct("?"))
            && toks[..i]
                .iter()
                .any(|t| matches!(t.lower, "did" | "does" | "do") && t.quote.is_none());
        if asked {
            return None;
        }
        if prev_lower == "not" || prev_lower == "never" || prev_lower == "didn't" {
            return None;
        }
        // Passive past participles (`was confirmed`) are not reports by the subject.
        if !form.participle && !form.base && BE_FORMS.contains(prev_lower) {
            return None;
        }
        // A noun that heads the subject (`A Financial Times report claimed`).
        let next_is_verb =
            toks.get(j).is_some_and(|n| {
                n.word
                    && !n.cap
                    && (FINITE_VERBS.contains(n.lower)
                        || self.lex.cues.longest_at(&[n.lower]).is_some_and(|(f, _)| {
                            !f.participle && !f.base && !n.lower.ends_with('s')
                        }))
            });
        if next_is_verb && (form.base || toks[i].lower.ends_with('s')) {
            return None;
        }
        // Progressive `is demanding` is a finite verb, not a participle.
        let progressive = form.participle && BE_FORMS.contains(prev_lower);
        let participle = form.participle && !progressive;
        frame.participle = participle;
        // `the European Union added eight companies to its sanctions list`:
        // adding something to something reports nothing.
        // (`added the door to the alliance must remain open` is a clause.)
        // (`“...,” added an adviser to the prime minister` is inverted.)
        let adds_to = form.lemma == "add"
            && i > 0
            && toks[i - 1].word
            && toks
                .get(j)
                .is_some_and(|t| t.word && !t.cap && !t.is("that"))
            && {
                let stretch: Vec<&Tok> = toks[j..]
                    .iter()
                    .take_while(|t| t.word && t.quote.is_none())
                    .collect();
                stretch.iter().take(8).any(|t| t.is("to"))
                    && !stretch
                        .iter()
                        .any(|t| t.finite_or_modal() || t.looks_past_tense())
            };
        if adds_to {
            return None;
        }
        // `A second diplomat was blunter: "..."`, `was categorical that
        // ...`; not `was blunt about the risks`.
        if form.lemma.starts_with("be ")
            && !toks.get(j).is_some_and(|t| t.is("that") || t.punct(":"))
        {
            return None;
        }
        // `Arild Moe, a research professor at the institute, believes the
        // Kremlin will test Norway's resolve`: a belief the article reports
        // is the believer's view, a clause with or without `that` (other
        // mental states need `that`: `expects the ruling soon`).
        // (Not a verb sharing the subject of another: `said A and believed
        // B` is one report; nor `a think tank`.)
        let coordinated = || {
            self.skip_adverbs_left(toks, i)
                .checked_sub(1)
                .is_some_and(|p| matches!(toks[p].lower, "and" | "but" | "or"))
        };
        // (Nor a belief another reports: `Many Ukrainians believe Russia
        // will attack again, said pollster Anton Hrushetsky`.)
        let reported = || {
            toks[j..].iter().any(|t| {
                t.word
                    && !t.cap
                    && t.quote.is_none()
                    && matches!(
                        t.lower,
                        "said" | "says" | "told" | "tells" | "added" | "wrote" | "according"
                    )
            })
        };
        let believes_clause = matches!(form.lemma.as_str(), "believe" | "think" | "reckon")
            && !participle
            && !coordinated()
            && !reported()
            && toks
                .get(j)
                .is_none_or(|t| !matches!(t.lower, "tank" | "tanks"))
            && toks
                .get(j)
                .is_some_and(|t| t.word && t.quote.is_none() && !t.is("that") && !t.is("in"))
            && self.looks_like_clause(toks, j);
        if form.classes.cognition && !form.classes.clause {
            let next_that = toks.get(j).is_some_and(|t| t.is("that"));
            if !next_that && !believes_clause {
                return None;
            }
        }

        // Subject: to the left (normal), or right after the cue (inverted).
        let left_end = self.skip_adverbs_left(toks, i);
        // `The minister, Mauro Vieira, said the group defends peace`: a name
        // in apposition before the cue is its subject, not a separator
        // before an inverted one.
        let appositive_subject = || {
            i >= 4 && toks[i - 1].is_comma() && {
                let open = (i.saturating_sub(6)..i - 1)
                    .rev()
                    .find(|&k| toks[k].is_comma());
                open.is_some_and(|o| {
                    o >= 1
                        && toks[o - 1].word
                        && toks[o - 1].quote.is_none()
                        && toks[o + 1..i - 1]
                            .iter()
                            .all(|t| t.word && t.cap && !t.poss && t.quote.is_none())
                        && (o + 1..i - 1).len() >= 2
                })
            }
        };
        let inverted = {
            let before_is_sep = left_end == 0 || after_separator(toks, left_end);
            before_is_sep
                && left_end == i
                && form.classes.clause
                && !participle
                && toks.get(j).is_some_and(|t| {
                    t.word
                        && t.quote.is_none()
                        && !matches!(
                            t.lower,
                            "his" | "her" | "their" | "its" | "our" | "my" | "that" | "this"
                        )
                })
                && !appositive_subject()
                // (`..., Ahmed Hassan, the minister, said Saturday.`: AP's
                // bare date, not an inverted subject.)
                && toks.get(j).is_none_or(|t| !is_date_word(t.lower))
        };
        // `“We will fight on,” warned Zelensky.`, `“...,” assures General
        // Thierry Marchand`: right after a quotation, a verb that may take a
        // recipient has its subject after it (never `told`: `“...,” told
        // Reuters` is not English).
        let after_quote =
            i >= 2 && toks[i - 1].is_comma() && toks[i - 2].mark.is_some_and(|(_, open)| !open)
                || i >= 1 && toks[i - 1].mark.is_some_and(|(_, open)| !open);
        let inverted_recipient = form.classes.recipient
            && after_quote
            && form.lemma != "tell"
            && toks.get(j).is_some_and(|t| {
                !matches!(
                    t.lower,
                    "him" | "her" | "them" | "us" | "me" | "you" | "reporters" | "journalists"
                )
            });
        if inverted && (!form.classes.recipient || inverted_recipient) {
            if let Some((a, np_end)) = self.np_right(toks, j) {
                // `“...,” said Zelenskyy on Thursday.`, `said Peskov in a
                // statement`: the adverbials after the name are not its.
                // A preposition opens one before a determiner, a name or a
                // date (not `shot at repair crews`).
                // `said one western official involved in the discussions`,
                // `said a diplomat briefed on the talks`: a source's
                // participle and its object describe the source.
                let source_participle = |p: usize| {
                    p > a
                        && toks[p].lower.ends_with("ed")
                        && !toks[p].cap
                        && ANON_NOUNS.contains(toks[p - 1].lower)
                        && toks
                            .get(p + 1)
                            .is_some_and(|n| PREPOSITIONS.contains(n.lower))
                };
                let b = (a + 1..np_end)
                    .find(|&p| {
                        if source_participle(p - 1) {
                            return false;
                        }
                        let next = toks.get(p + 1).filter(|_| p + 1 < np_end);
                        let phrase_opens = next.is_some_and(|n| {
                            NOUN_DETERMINERS.contains(n.lower) || n.cap || is_date_word(n.lower)
                        });
                        match toks[p].lower {
                            "on" | "at" | "during" | "after" | "before" => phrase_opens,
                            "in" => next.is_some_and(|n| NOUN_DETERMINERS.contains(n.lower)),
                            // `late on Sunday`, `earlier this week`; not `the
                            // widow of the late opposition leader`.
                            "late" | "earlier" => next.is_some_and(|n| {
                                matches!(n.lower, "on" | "this" | "last" | "in")
                                    || is_date_word(n.lower)
                            }),
                            "yesterday" | "today" => true,
                            _ => false,
                        }
                    })
                    .unwrap_or(np_end);
                // `..., said India's emphasis on a truce was wrong`: a clause
                // after the name's adverbial is content, not an adverbial.
                // `allowed it to remain`: `to` after an object pronoun opens
                // an infinitive; `on a visit to frontline troops` is still an
                // adverbial, and so is a relative clause in it (`at a
                // meeting that was held in Brussels`). After a quotation the
                // words before the cue are the content already.
                let quoted_before = toks[..i]
                    .iter()
                    .any(|t| t.quote.is_some() || t.mark.is_some());
                let clause_after = !quoted_before
                    && (b..np_end)
                        .take_while(|&p| !matches!(toks[p].lower, "that" | "who" | "which"))
                        .any(|p| {
                            let w = toks[p].lower;
                            let infinitive = w == "to"
                                && matches!(
                                    toks[p - 1].lower,
                                    "it" | "them" | "him" | "her" | "us" | "me" | "you"
                                );
                            FINITE_VERBS.contains(w)
                                || (MODALS.contains(w) && w != "to")
                                || infinitive
                        });
                // `said an adviser to the president`, `said Kyiv's envoy to
                // the UN`: a role and whom it serves, not an infinitive.
                let serves = |p: usize| {
                    toks[p].is("to")
                        && p > a
                        && (self.is_title_word(toks[p - 1].lower)
                            || ANON_NOUNS.contains(toks[p - 1].lower))
                        && toks
                            .get(p + 1)
                            .is_some_and(|n| n.cap || NOUN_DETERMINERS.contains(n.lower))
                };
                let ends = !clause_after
                    && (np_end >= toks.len()
                        || toks[np_end].punct(".")
                        || toks[np_end].is_comma()
                        || toks[np_end].punct(";")
                        || matches!(toks[np_end].lower, "who" | "whose" | "which"));
                // `said Commander Jari Lehtinen of the Gulf of Finland Coast
                // Guard District`: a long name of where the speaker serves.
                let named_body = || {
                    (a + 1..b)
                        .find(|&p| toks[p].is("of") || toks[p].is("from"))
                        .is_some_and(|of| {
                            toks[of + 1..b]
                                .iter()
                                .all(|t| t.cap || matches!(t.lower, "the" | "of" | "and" | "for"))
                        })
                };
                // `said the minister` / `said Zelensky`, not `said the risk
                // remained low` after an appositive.
                let speaker_like = (b - a <= 8 || (b - a <= 16 && named_body()))
                    && !PREPOSITIONS.contains(toks[a].lower)
                    && (a..b).all(|p| {
                        let t = &toks[p];
                        !FINITE_VERBS.contains(t.lower)
                            && (!t.lower.ends_with("ed")
                                || t.cap
                                || t.lower.len() <= 4
                                || source_participle(p))
                            && (!MODALS.contains(t.lower) || serves(p))
                    })
                    && toks[a..b].iter().any(|t| {
                        t.cap || ANON_NOUNS.contains(t.lower) || self.lex.title(t.lower).is_some()
                    });
                if ends && speaker_like && left_end > 0 {
                    // `said Ukraine's energy minister, Svitlana Hrynchuk.`:
                    // the name after the description is the speaker.
                    let name_run = if toks.get(b).is_some_and(|t| t.is_comma()) {
                        toks[b + 1..]
                            .iter()
                            .take_while(|t| t.word && t.cap && !self.is_title_word(t.lower))
                            .count()
                    } else {
                        0
                    };
                    // A description has a common word (`energy minister`);
                    // `Sen. Lindsey Graham, R-S.C.` is a name and its party.
                    let described = toks[a..b].iter().any(|t| t.word && !t.cap);
                    let named_after = described
                        && (1..=4).contains(&name_run)
                        && toks
                            .get(b + 1 + name_run)
                            .is_none_or(|t| t.punct(".") || t.punct(";"));
                    // `said a taxi driver who asked to be identified only
                    // by his first name, Sergei.`: the name the relative
                    // clause gives, when the clause ends the sentence.
                    let named_in_clause = || {
                        let clause_end = (np_end..toks.len())
                            .find(|&k| toks[k].quote.is_some() || toks[k].punct("."))
                            .unwrap_or(toks.len());
                        let who = np_end + usize::from(toks.get(np_end).is_some_and(Tok::is_comma));
                        (toks.get(who).is_some_and(|t| t.is("who")) && clause_end - who <= 16)
                            .then(|| (who + 2..clause_end).find(|&k| names::gives_name_at(toks, k)))
                            .flatten()
                            .filter(|&k| k + 1 == clause_end || toks[k + 1].is_comma())
                    };
                    let (a, b) = if named_after {
                        (b + 1, b + 1 + name_run)
                    } else if let Some(k) = named_in_clause() {
                        (k, k + 1)
                    } else {
                        (a, b)
                    };
                    frame.subj = Some((a, b));
                    frame.region_start = 0;
                    frame.region_end = b;
                    // `The likeliest outcome, says a veteran European
                    // diplomat, is neither peace nor war`: set off inside a
                    // clause whose verb comes after it, the report is
                    // parenthetical and the whole clause its content.
                    let verb_after = toks.get(np_end).is_some_and(Tok::is_comma)
                        && toks
                            .get(np_end + 1)
                            .is_some_and(|t| t.word && t.quote.is_none() && t.finite_or_modal());
                    let clause_before = toks[..left_end - 1].iter().any(|t| {
                        t.quote.is_some()
                            || t.mark.is_some()
                            || (t.word && (t.finite_or_modal() || t.looks_past_tense()))
                    });
                    if verb_after && !clause_before && left_end >= 2 {
                        frame.kind_hint = FrameKind::Parenthetical;
                        frame.content = Some((0, toks.len()));
                        return Some(frame);
                    }
                    frame.kind_hint = FrameKind::Trailing;
                    frame.content = Some((0, left_end - 1));
                    return Some(frame);
                }
            }
        }
        if participle && prev_lower == "as" {
            // `Putin was quoted by TASS as saying that ...`, `... was cited
            // as saying`: the passive's subject is the speaker.
            let from = i.saturating_sub(9);
            let quoted = toks[from..i]
                .iter()
                .rposition(|t| t.is("quoted") || t.is("cited"))
                .map(|q| from + q);
            if let Some(q) = quoted {
                let left = self.skip_adverbs_left(toks, q);
                let passive = toks[left..q]
                    .iter()
                    .any(|t| matches!(t.lower, "was" | "were" | "is" | "are"));
                // `TASS quoted Peskov as saying ...`: the object is the
                // speaker, the agency only relays.
                let object = (!passive && q + 1 < i - 1)
                    .then(|| self.np_left(toks, i - 1))
                    .flatten()
                    .filter(|&(a, _)| a == q + 1);
                let (a, b) = if passive {
                    self.subject_left(toks, left)?
                } else {
                    object?
                };
                frame.subj = Some((a, b));
                frame.region_start = a;
                frame.participle = false;
            }
        }
        // `..., with Belgium warning that the move could expose it`: the
        // noun between `with` and the participle is its subject.
        if participle && frame.subj.is_none() {
            if let Some((a, b)) = self
                .np_left(toks, i)
                .filter(|&(a, b)| a >= 1 && b == i && toks[a - 1].is("with") && b - a <= 6)
            {
                frame.subj = Some((a, b));
                frame.region_start = a - 1;
                frame.participle = false;
            }
        }
        if frame.subj.is_some() {
            // Set above by the passive `quoted as saying` or by `with`.
        } else if participle {
            // Its subject is the clause's; only when attached to a clause.
            let attached = prev.is_some_and(|p| {
                p.is_comma()
                    || p.is("and")
                    || p.is("but")
                    || p.is("while")
                    || p.is("by")
                    || p.is("after")
                    || p.is("before")
                    || p.mark.is_some()
                    || p.punct("—")
                    || p.punct("–")
            });
            if !attached || i < 2 {
                return None;
            }
            // `Yulia Shapovalova, reporting from Kyiv, said ...`: where a
            // correspondent speaks from, not what she reports.
            if toks.get(j).is_some_and(|t| t.is("from")) {
                return None;
            }
        } else {
            let subj = self.subject_left(toks, left_end);
            match subj {
                // `Not everyone in Kyiv agrees that ...`: a negated
                // quantifier says who does not hold the view, no one's words.
                Some((a, _)) if a >= 1 && toks[a - 1].is("not") => {
                    return None;
                }
                // `54 percent of Germans support continuing aid`, `a
                // majority of Ukrainians oppose ...`, `54% of registered
                // voters support ...`: a poll's finding.
                Some((a, _))
                    if (a.saturating_sub(3)..a).any(|of| {
                        of >= 1
                            && toks[of].is("of")
                            && toks[of + 1..a].iter().all(|t| t.word && !t.cap)
                            && (toks[of - 1].lower.ends_with('%')
                                || matches!(
                                    toks[of - 1].lower,
                                    "percent"
                                        | "cent"
                                        | "majority"
                                        | "minority"
                                        | "half"
                                        | "third"
                                        | "quarter"
                                        | "share"
                                        | "proportion"
                                ))
                    }) =>
                {
                    return None;
                }
                Some((a, b)) => {
                    frame.subj = Some((a, b));
                    frame.region_start = a;
                }
                None => {
                    // Coordinated verb sharing an earlier subject (`... and stressed that`).
                    let coordinated = left_end > 0
                        && (toks[left_end - 1].is("and") || toks[left_end - 1].is("but"));
                    if !coordinated {
                        return None;
                    }
                }
            }
        }
        // Content to the right.
        let mut k = j;
        // `described the talks as constructive`, `branded it “a trap”`; not
        // `casting fresh doubt on ...`.
        // (`referring to the Alma-Ata Declaration that Armenia used as the
        // basis ...`: the `as` of a relative clause in the object ascribes
        // nothing to what is referred to.)
        let refers = form.lemma == "refer to";
        let ascribes = toks[j..(j + 12).min(toks.len())]
            .iter()
            .take_while(|t| {
                !t.punct(".") && !t.punct(";") && !(refers && (t.is("that") || t.is("which")))
            })
            .any(|t| t.is("as") || t.mark.is_some_and(|(_, open)| open));
        // Not `called for sanctions on Russian gas to be lifted
        // “immediately”`: a demand, its quoted word a fragment of it.
        let demands = toks
            .get(j)
            .is_some_and(|t| matches!(t.lower, "for" | "on" | "that"));
        if form.classes.ascriptive && !form.classes.clause && ascribes && !demands {
            frame.kind_hint = FrameKind::Ascriptive;
            frame.content = Some((j, toks.len()));
            frame.np_content = true;
            return Some(frame);
        }
        if form.classes.ascriptive {
            // `called the talks “productive”`, `described X as Y`: an object and
            // then a quote or `as`, before any `that`.
            let upto = (j + 12).min(toks.len());
            let has_as_or_quote = toks[j..upto]
                .iter()
                .take_while(|t| !t.is_comma() && !t.is("that"))
                .any(|t| t.is("as") || t.mark.is_some_and(|(_, o)| o));
            let starts_np = toks.get(j).is_some_and(|t| t.word);
            if has_as_or_quote
                && starts_np
                && !toks
                    .get(j)
                    .is_some_and(|t| t.is("that") || t.is("for") || t.is("on"))
            {
                frame.kind_hint = FrameKind::Ascriptive;
                frame.content = Some((j, toks.len()));
                frame.np_content = true;
                return Some(frame);
            }
        }
        // `referring to the Alma-Ata Declaration that Armenia used as the
        // basis ...`: `refer to` with nothing ascribed reports nothing.
        if refers {
            return None;
        }
        // `As Zelensky said, the war must end.`: the clause after a fronted
        // attribution is its content.
        let fronted_as = frame.subj.is_some_and(|(a, _)| {
            a >= 1
                && toks[a - 1].is("as")
                && (a == 1 || (a == 2 && matches!(toks[0].lower, "but" | "and" | "yet")))
        });
        // Not `As Ukrinform reported, on February 26, 2014, ...`: the
        // outlet's own earlier reporting is narration.
        if fronted_as
            && form.classes.clause
            && form.lemma != "report"
            && toks.get(k).is_some_and(Tok::is_comma)
            && k + 1 < toks.len()
            && self.looks_like_clause(toks, k + 1)
        {
            frame.content = Some((k + 1, toks.len()));
            return Some(frame);
        }
        let after_time = self.skip_time_adverbials(toks, k);
        // Trailing position: nothing to the right (`“...,” Zelensky said.`).
        let nothing_right = k >= toks.len()
            || toks[k].punct(".")
            || toks[k].punct(";")
            || (toks[k].is_comma()
                && toks.get(k + 1).is_none_or(|t| {
                    t.word
                        && (self
                            .lex
                            .cues
                            .longest_at(&[t.lower])
                            .is_some_and(|(f, _)| f.participle)
                            || t.is("while")
                            || t.is("although")
                            || t.is("though")
                            || t.is("but")
                            || t.is("and"))
                }))
                // Not `said, though, that ...`: a connective set off before
                // the clause.
                && !after_time.is_some_and(|m| m > k && toks[m - 1].is_comma())
            // `“...,” the general told “Kommersant”.`
            || (form.classes.recipient
                && name_in_marks_end(toks, k).is_some_and(|m| {
                    m >= toks.len()
                        || toks[m].punct(".")
                        || toks[m].punct(";")
                        || self.only_adjuncts_follow(toks, m, form)
                }));
        // `“We'll see,” Trump said when asked whether ...`, `... said after
        // meeting Macron`: a reduced adverbial clause of the cue.
        let trailing_position = frame.subj.is_some_and(|(a, _)| after_separator(toks, a));
        // (Not set off inside the content it reports: `Slovakia, he said
        // after meeting the Czech president, “must not become ...”`.)
        let content_resumes = || {
            (k + 2..(k + 16).min(toks.len()))
                .find(|&m| !toks[m].word || toks[m].quote.is_some())
                .is_some_and(|m| {
                    toks[m].is_comma()
                        && toks.get(m + 1).is_some_and(|t| {
                            t.mark.is_some_and(|(_, open)| open)
                                || (t.word
                                    && !t.cap
                                    && (FINITE_VERBS.contains(t.lower)
                                        || BE_FORMS.contains(t.lower)
                                        || (MODALS.contains(t.lower) && !t.is("to"))))
                        })
                })
        };
        let reduced_adverbial = trailing_position
            && toks
                .get(k)
                .is_some_and(|t| matches!(t.lower, "when" | "after" | "before" | "while" | "if"))
            && toks
                .get(k + 1)
                .is_some_and(|t| t.word && !t.cap && (t.is("asked") || t.looks_participle()))
            && !content_resumes();
        // `“...,” Zelenskyy said in his office in central Kyiv, surrounded
        // by sandbags.`, `“...,” Lavrov said at a press conference following
        // talks with ...`: after the quotation it attributes, what follows
        // the cue says where and how, unless a content clause opens there.
        let after_quotation = frame.subj.is_some_and(|(a, _)| {
            let closing = |t: &Tok| t.mark.is_some_and(|(_, open)| !open);
            (a >= 1 && closing(&toks[a - 1]))
                || (a >= 2 && toks[a - 1].is_comma() && closing(&toks[a - 2]))
        });
        let adjuncts_after_quotation = after_quotation
            && !self.content_opens(toks, after_time.unwrap_or(k))
            && !self.verb_before_comma(toks, k);
        // `Russia is ready to resume talks, Putin said at a meeting with US
        // Special Envoy Steve Witkoff in the Kremlin.`: after the clause it
        // attributes, the cue's adverbials run to the sentence's end.
        // Not after a fronted adverbial (`Earlier this month, special forces
        // shot down a drone`), nor before a verb's object.
        let after_clause = frame.subj.is_some_and(|(a, _)| {
            a >= 2
                && toks[a - 1].is_comma()
                && toks[..a - 1].iter().any(|t| {
                    t.word && t.quote.is_none() && (t.finite_or_modal() || t.looks_past_tense())
                })
        });
        let adverbial_next = toks.get(after_time.unwrap_or(k)).is_none_or(|t| {
            t.punct(".")
                || PREPOSITIONS.contains(t.lower)
                || ADJUNCT_OPENERS.contains(t.lower)
                || SUBORDINATORS.contains(t.lower)
                || t.looks_participle()
        });
        let adjuncts_to_end = after_clause
            && !after_quotation
            && form.classes.clause
            && adverbial_next
            && self.adjuncts_to_sentence_end(toks, k);
        // `The UAE has mediated an exchange of 390 prisoners, the ministry
        // said on Saturday, the largest swap the Emirates has helped to
        // arrange.`: after the clause it attributes, a noun phrase set off
        // by a comma is the reporter's comment on it.
        let comment_after = after_clause && !after_quotation && {
            let m = after_time.unwrap_or(k);
            toks.get(m).is_some_and(Tok::is_comma)
                && toks
                    .get(m + 1)
                    .is_some_and(|t| matches!(t.lower, "the" | "a" | "an"))
        };
        // `reported on Monday, citing two sources, that ...`: the phrase
        // set off before `that` leaves the clause to come.
        let that_follows = after_time.is_some_and(|m| {
            m > k + 1 && toks[m - 1].is_comma() && toks.get(m).is_some_and(|t| t.is("that"))
        });
        let nothing_right = !that_follows
            && (nothing_right
                || adjuncts_after_quotation
                || adjuncts_to_end
                || comment_after
                || reduced_adverbial
                || after_time.is_some_and(|m| m >= toks.len() || toks[m].punct("."))
                || self.only_adjuncts_follow(toks, k, form)
                || self.comma_adjunct_closes(toks, after_time.unwrap_or(k)));
        if nothing_right {
            // Right after a verb that takes an infinitive, `to` and a verb
            // are its complement, not an adverbial: `The plan is dead,
            // Hungary has threatened to block it.` attributes nothing to its
            // first clause. A recipient after `to` is an adverbial still
            // (`“...,” he vowed to supporters.`).
            if form.classes.inf && infinitive_at(toks, k) {
                return None;
            }
            let mut a = frame.subj.map_or(i, |(a, _)| a);
            // `“...,” the minister, Oleh Tkach, said`: the description before
            // the appositive name belongs to the attribution, not the content.
            if a >= 2 && toks[a - 1].is_comma() {
                if let Some((d, _)) = self.np_left(toks, a - 1) {
                    let after_quote = after_separator(toks, d);
                    if after_quote {
                        a = d;
                    }
                }
            }
            // What a short verbless phrase before the subject and its comma
            // holds is nobody's words: a description of the subject before
            // its appositive name (`The Kremlin spokesperson, Dmitry Peskov,
            // has responded to the comments, ...`), or a fronted
            // prepositional phrase that sets the scene (`For his part,
            // Lavrov briefed Wang on the talks.`).
            let before_subject = &toks[..a.saturating_sub(1)];
            let says_nothing = a >= 2
                && toks[a - 1].is_comma()
                && a - 1 <= 6
                && before_subject.iter().all(|t| {
                    t.word && t.quote.is_none() && !t.finite_or_modal() && !t.looks_past_tense()
                })
                && (PREPOSITIONS.contains(toks[0].lower)
                    || before_subject.iter().all(|t| {
                        t.cap
                            || t.poss
                            || self.is_title_word(t.lower)
                            || NOUN_DETERMINERS.contains(t.lower)
                            || DETERMINERS.contains(t.lower)
                    })
                    // `His colleague from the Gerindra Party, Budi Santoso,
                    // disagreed`: a description of the person named after it.
                    || (matches!(toks[0].lower, "his" | "her" | "their" | "the" | "a" | "an")
                        && before_subject
                            .iter()
                            .take(3)
                            .any(|t| ANON_NOUNS.contains(t.lower) || self.is_title_word(t.lower))));
            // `..., a formula allies agreed at the summit.`: an indefinite
            // article before a plural source is a noun with its reduced
            // relative clause, not a subject (`a senior official said`,
            // `a group of diplomats said` are).
            let reduced_relative = frame.subj.is_some_and(|(s, e)| {
                let subject = &toks[s..e];
                subject.len() >= 3
                    && matches!(subject[0].lower, "a" | "an")
                    && subject.iter().all(|t| !t.is("of") && !t.cap)
                    && subject.last().is_some_and(|t| {
                        t.lower.ends_with('s')
                            && !t.lower.ends_with("ss")
                            && ANON_NOUNS.contains(t.lower)
                    })
            });
            if reduced_relative {
                return None;
            }
            if after_separator(toks, a) && !says_nothing {
                frame.kind_hint = FrameKind::Trailing;
                frame.content = Some((0, a - 1 + usize::from(toks[a - 1].mark.is_some())));
                if toks[a - 1].mark.is_some() {
                    frame.content = Some((0, a));
                }
                frame.region_start = 0;
                return Some(frame);
            }
            // Only words that say something claim the quotation before them:
            // `“...” Kyiv disagrees.` or `Zelensky agreed.` react to it.
            if a == 0 && frame.subj.is_some() && TAIL_LEMMAS.contains(form.lemma.as_str()) {
                frame.kind_hint = FrameKind::Tail;
                frame.region_start = 0;
                return Some(frame);
            }
            return None;
        }
        if let Some(m) = after_time {
            k = m;
        }
        // Not an appositive's or relative clause's verb: `Laurent Dubois, a
        // diplomat posted in Tbilisi, said ...`, `a source, who spoke on
        // condition of anonymity, said ...`.
        // `Truth, they say, is the first casualty of war`: a saying, not a
        // report.
        let saying = toks[i].is("say")
            && frame.subj.is_some_and(|(a, b)| {
                b == a + 1 && matches!(toks[a].lower, "they" | "you" | "one")
            });
        let reports_aside = form.classes.clause
            && !form.classes.cognition
            && !form.classes.noun
            && left_end
                .checked_sub(1)
                .is_none_or(|p| !toks[p].is("who") && !toks[p].is("which"))
            && !participle
            && !saying;
        if let Some((a, _)) = frame.subj.filter(|_| reports_aside) {
            // `Russia, Putin said at a meeting with Witkoff in the Kremlin,
            // is ready`: the clause's adverbials run to its comma.
            // (Or a reduced clause: `Ukraine's NATO membership, Kallas said
            // when asked about the talks, is irreversible`.)
            let aside_end = if toks.get(k).is_some_and(|t| {
                (PREPOSITIONS.contains(t.lower) && !t.is("to"))
                    || matches!(t.lower, "when" | "while" | "as" | "once")
            }) {
                toks[k..]
                    .iter()
                    .take(14)
                    .position(|t| !t.word || t.quote.is_some() || FINITE_VERBS.contains(t.lower))
                    .map_or(k, |p| k + p)
            } else {
                k
            };
            let aside_end = if toks.get(aside_end).is_some_and(Tok::is_comma) {
                aside_end
            } else {
                k
            };
            // `Russia launched 143 drones overnight, the air force said,
            // most of them aimed at energy facilities`: an absolute phrase
            // after the report leaves the words before it the content.
            let absolute_after = toks.get(aside_end).is_some_and(Tok::is_comma)
                && toks.get(aside_end + 2).is_some_and(|t| t.is("of"))
                && toks.get(aside_end + 1).is_some_and(|t| {
                    PARTITIVE_QUANTIFIERS.contains(t.lower)
                        || matches!(t.lower, "none" | "few" | "half")
                });
            // (`Sanctions on Russian banks, Kallas said, some of which expire
            // in July, must be renewed` has no clause before the report.)
            let clause_before = a >= 2
                && toks[..a - 1]
                    .iter()
                    .any(|t| t.word && (t.finite_or_modal() || t.looks_past_tense()));
            if absolute_after && clause_before && toks[a - 1].is_comma() && after_separator(toks, a)
            {
                frame.kind_hint = FrameKind::Trailing;
                frame.region_start = 0;
                frame.content = Some((0, a - 1));
                return Some(frame);
            }
            match self.interrupted_content_start(toks, a, aside_end) {
                Some(0) => {
                    frame.kind_hint = FrameKind::Parenthetical;
                    frame.region_start = 0;
                    frame.content = Some((0, toks.len()));
                    return Some(frame);
                }
                Some(c) => {
                    frame.content = Some((c, toks.len()));
                    return Some(frame);
                }
                None => {}
            }
        }
        if let Some(n) = self.adverbial_then_that(toks, k) {
            frame.content = Some((n + 1, toks.len()));
            return Some(frame);
        }
        // `said that ...`, `told reporters on Tuesday that ...`, `her position that ...`
        let mut that_at = None;
        // A note in brackets does not count (`said in an interview with the
        // Bulgarian National Television (BNT) that ...`).
        let mut depth = 0usize;
        let mut counted = 0;
        for (n, t) in toks.iter().enumerate().skip(k) {
            match t.lower {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ if depth == 0 => counted += 1,
                _ => {}
            }
            if counted > 9 || n >= k + 16 {
                break;
            }
            if depth > 0 || t.lower == ")" {
                continue;
            }
            if t.is("that") && t.quote.is_none() {
                that_at = Some(n);
                break;
            }
            // `told reporters on Friday, ahead of a summit, that ...`.
            if t.is_comma() {
                that_at = self.set_off_before_that(toks, n);
                break;
            }
            // (`said in a written reply to the Mainichi Shimbun that`: a
            // participle after a determiner describes its noun.)
            let attributive = || n > 0 && NOUN_DETERMINERS.contains(toks[n - 1].lower);
            if t.mark.is_some()
                || t.punct(".")
                || (n > k
                    && self.lex.cues.longest_at(&[t.lower]).is_some_and(|(f, _)| {
                        !f.classes.noun && f.classes.clause && !f.base && !t.is("position")
                    })
                    && !attributive())
            {
                break;
            }
        }
        if let Some(n) = that_at {
            let between = &toks[k..n];
            // `spoke to RFE/RL on condition that he not be identified`: the
            // clause completes the noun, not the verb.
            let noun_complement = between.last().is_some_and(|t| {
                matches!(
                    t.lower,
                    "condition" | "conditions" | "understanding" | "assumption" | "premise"
                )
            });
            let ok = !noun_complement
                && (between.is_empty()
                    || form.classes.recipient
                    || between.last().is_some_and(|t| {
                        self.lex
                            .cues
                            .longest_at(&[t.lower])
                            .is_some_and(|(f, _)| f.classes.noun)
                    })
                    || PREPOSITIONS.contains(between[0].lower)
                    || between
                        .iter()
                        .all(|t| t.word && (SKIPPABLE.contains(t.lower) || t.cap)));
            // `dismissed any suggestion that Ukraine would accept ...`: what a
            // rejecting verb reports is the rejected notion, not its clause.
            let rejected_notion = REJECTING_CUES.contains(form.lemma.as_str())
                && between.last().is_some_and(|t| !t.cap && t.word)
                && !form.classes.recipient;
            if ok && rejected_notion {
                frame.content = Some((k, toks.len()));
                frame.np_content = false;
                return Some(frame);
            }
            if ok {
                frame.content = Some((n + 1, toks.len()));
                return Some(frame);
            }
        }
        if form.classes.recipient && !form.classes.clause {
            // `called on allies to send more air defence`: the recipient
            // and what it is asked to do.
            if form.classes.inf && infinitive_within(toks, k, 6) {
                frame.content = Some((k, toks.len()));
                return Some(frame);
            }
            return None;
        }
        // `told the forum, “...”`: a recipient, then the quotation.
        if form.classes.recipient {
            // `told “Kommersant”: “...”`
            let from = name_in_marks_end(toks, k).unwrap_or(k);
            let upto = (from + 6).min(toks.len());
            if let Some(m) = toks[from..upto]
                .iter()
                .position(|t| t.mark.is_some_and(|(_, o)| o))
            {
                let between = &toks[from..from + m];
                // Not a clause before the quotation (`told Russian state TV
                // it was “too early” to comment`): that is the content.
                let clause_before = between.iter().any(|t| t.word && t.finite_or_modal());
                if between
                    .iter()
                    .all(|t| t.word || t.is_comma() || t.punct(":"))
                    && (!between.is_empty() || from > k)
                    && !clause_before
                {
                    frame.content = Some((from + m, toks.len()));
                    return Some(frame);
                }
            }
        }
        // `said: “...”`, `stating, “...”`, `declaring on X, “...”`
        let mut q = k;
        while q < toks.len() && (toks[q].punct(":") || toks[q].is_comma()) {
            q += 1;
        }
        // `the general told “Kommersant”.`: the name of the paper told is
        // no quotation of the speaker's.
        let names_recipient =
            form.classes.recipient && q == k && name_in_marks_end(toks, q).is_some();
        if q < toks.len()
            && toks[q].mark.is_some_and(|(_, o)| o)
            && (q > k || form.classes.clause)
            && !names_recipient
        {
            // `“A ceasefire is in our interest,” Kofman says, “but only with
            // guarantees.”`: one quotation split by its attribution, both
            // halves the speaker's.
            if let Some((a, _)) = frame.subj.filter(|_| after_quotation && q > k) {
                frame.kind_hint = FrameKind::Trailing;
                frame.region_start = 0;
                let before = if toks[a - 1].is_comma() { a - 1 } else { a };
                frame.content = Some((0, before));
                frame.continuation = Some((q, toks.len()));
                return Some(frame);
            }
            frame.content = Some((q, toks.len()));
            return Some(frame);
        }
        // On-platform adverbials: `declaring on X, “...”`
        if let Some(m) = self.platform_adverbial(toks, k) {
            let mut q = m;
            while q < toks.len() && (toks[q].punct(":") || toks[q].is_comma()) {
                q += 1;
            }
            if q < toks.len() && toks[q].mark.is_some_and(|(_, o)| o) {
                frame.cue_text = join_text(&toks[i..m], text);
                frame.content = Some((q, toks.len()));
                return Some(frame);
            }
        }
        // `told reporters the talks would resume`, `told a news conference
        // Ukraine would never ...`: without `that`, the recipient comes off
        // the front of the content.
        if form.classes.recipient {
            // `told me the talks had failed`, `told us the front was
            // holding`: an object pronoun is the whole recipient.
            let pronoun = toks
                .get(k)
                .filter(|t| matches!(t.lower, "me" | "us" | "him" | "them"))
                .map(|_| k + 1);
            let recipient = pronoun
                .or_else(|| self.recipient_end(toks, k))
                .or_else(|| self.named_recipient_end(toks, k));
            if let Some(m) = recipient {
                let verb_soon = finite_verb_within(&toks[m..], 12);
                if m < toks.len()
                    && toks[m].word
                    && !toks[m].is("to")
                    && (verb_soon || self.looks_like_clause(toks, m))
                {
                    frame.content = Some((m, toks.len()));
                    return Some(frame);
                }
            }
        }
        let next = toks.get(k)?;
        if form.classes.of && next.is("of") {
            frame.content = Some((k + 1, toks.len()));
            frame.np_content = true;
            return Some(frame);
        }
        if form.classes.for_ && next.is("for") {
            frame.content = Some((k + 1, toks.len()));
            frame.np_content = true;
            return Some(frame);
        }
        if form.classes.inf && next.is("to") {
            frame.content = Some((k, toks.len()));
            return Some(frame);
        }
        if form.classes.accuse {
            if let Some(n) = toks[k..(k + 6).min(toks.len())]
                .iter()
                .position(|t| t.is("of"))
            {
                frame.content = Some((k, toks.len()));
                let _ = n;
                return Some(frame);
            }
        }
        // `said on Thursday, the talks would resume next week`: past the
        // cue's date, a comma and then the clause (not past other adverbials:
        // in `agreed to impose sanctions after, Zelensky said, ...` the
        // comma opens an aside).
        let dated = k > 0 && {
            let l = toks[k - 1].lower;
            is_date_word(l)
                || l.bytes().all(|b| b.is_ascii_digit())
                || matches!(
                    l,
                    "week"
                        | "weekend"
                        | "month"
                        | "year"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                        | "yesterday"
                        | "today"
                        | "earlier"
                        | "later"
                )
        };
        if next.is_comma()
            && after_time == Some(k)
            && dated
            && form.classes.clause
            && !form.classes.cognition
            && toks.get(k + 1).is_some_and(|t| {
                t.word
                    && t.quote.is_none()
                    && !ADJUNCT_OPENERS.contains(t.lower)
                    && !SUBORDINATORS.contains(t.lower)
                    && !PREPOSITIONS.contains(t.lower)
                    && !matches!(t.lower, "and" | "but" | "or" | "adding" | "saying")
                    && !t.looks_participle()
            })
            && self.looks_like_clause(toks, k + 1)
        {
            frame.content = Some((k + 1, toks.len()));
            return Some(frame);
        }
        if !next.word && next.mark.is_none() {
            return None;
        }
        // `said any deal that left the plant ... would amount to ...`: verbs
        // that never take a noun object report a clause even when its subject
        // carries a relative clause.
        let verb_later =
            SAY_LIKE.contains(form.lemma.as_str()) && finite_verb_within(&toks[k..], 30);
        if (form.classes.clause
            && !form.classes.cognition
            && (verb_later || self.looks_like_clause(toks, k)))
            || (believes_clause && k == j)
        {
            frame.content = Some((k, toks.len()));
            return Some(frame);
        }
        // `warned against “any concessions at Ukraine's expense”`,
        // `insisted on “full withdrawal”`: a quoted object after a
        // preposition the cue ends in. (A lone verb's quoted object, `and
        // welcomed “all sincere efforts”` inside a content, stays in it.)
        let quoted_object = form.words.len() > 1 && next.mark.is_some_and(|(_, open)| open);
        // `Kiesewetter contradicted him.`: a pronoun alone says nothing.
        let pronoun_alone = || {
            matches!(
                next.lower,
                "him" | "her" | "them" | "it" | "this" | "that" | "me" | "us"
            ) && toks
                .get(k + 1)
                .is_none_or(|t| t.punct(".") || t.punct(";") || t.is_comma())
        };
        if form.classes.np
            && (quoted_object || (next.word && !PREPOSITIONS.contains(next.lower)))
            && !pronoun_alone()
        {
            frame.content = Some((k, toks.len()));
            frame.np_content = true;
            return Some(frame);
        }
        None
    }
}

impl Extractor {
    /// `This was stated by Foreign Minister Andrii Sybiha during a press
    /// conference, an Ukrinform correspondent reports.`: the house formula of
    /// Ukrainian and Russian agencies in English, which attributes the
    /// sentence before it. The token range of the speaker's noun phrase and
    /// the end of the cue (`This was stated by`), if the sentence opens so.
    ///
    /// Also `That was said by ...`, `This has been announced by ...` and `Such
    /// a statement was made by ...`.
    pub(super) fn attribution_formula(&self, toks: &[Tok]) -> Option<((usize, usize), usize)> {
        // Most sentences open otherwise: nothing is built for them.
        if !matches!(
            toks.first().map(|t| t.lower),
            Some("this" | "that" | "such")
        ) {
            return None;
        }
        let w = |k: usize| toks.get(k).map_or("", |t| t.lower);
        let words = [w(0), w(1), w(2), w(3), w(4), w(5)];
        let by = match words {
            ["this" | "that", "was" | "is", participle, "by", ..]
                if STATED_PARTICIPLES.contains(participle) =>
            {
                3
            }
            ["this" | "that", "has" | "had", "been", participle, "by", _]
                if STATED_PARTICIPLES.contains(participle) =>
            {
                4
            }
            ["such" | "this" | "that", "a" | "the", noun, "was", "made" | "voiced", "by"]
            | ["such" | "this" | "that", noun, "was", "made" | "voiced", "by", _]
                if matches!(noun, "statement" | "remark" | "announcement" | "statements") =>
            {
                words.iter().position(|&w| w == "by")?
            }
            _ => return None,
        };
        if toks[..=by]
            .iter()
            .any(|t| t.quote.is_some() || t.mark.is_some())
        {
            return None;
        }
        // The phrase runs to the occasion or the comma after it; a title
        // chain may hold a comma (`by Deputy Prime Minister, Minister of
        // Foreign Affairs of Luxembourg Xavier Bettel during ...`), tried
        // second.
        let stops = |t: &Tok| {
            !t.word
                || t.quote.is_some()
                || matches!(
                    t.lower,
                    "in" | "during"
                        | "at"
                        | "on"
                        | "while"
                        | "after"
                        | "before"
                        | "when"
                        | "with"
                        | "following"
                        | "via"
                        | "amid"
                        | "ahead"
                        | "speaking"
                        | "who"
                        | "according"
                )
        };
        let a = by + 1;
        let end = (a..toks.len())
            .find(|&k| stops(&toks[k]))
            .unwrap_or(toks.len());
        (end > a && end - a <= 16).then_some(((a, end), by + 1))
    }
}

/// Participles of speaking the agencies' formula uses (`This was stated
/// by`).
static STATED_PARTICIPLES: WordList = WordList::new(&[
    "stated",
    "said",
    "announced",
    "reported",
    "noted",
    "emphasized",
    "emphasised",
    "stressed",
    "declared",
    "written",
    "posted",
    "voiced",
    "underlined",
    "reiterated",
    "confirmed",
]);
