//! Bounding contents: each frame's content ends where the next frame or
//! clause begins, and a content's context leaves other speakers' words out.

use super::*;

impl Extractor {
    /// Ends each frame's content at the next clause boundary or frame.
    pub(super) fn bound_contents(&self, frames: &mut [Frame], toks: &[Tok]) {
        let n = frames.len();
        for fi in 0..n {
            let Some((mut cs, mut ce)) = frames[fi].content else {
                continue;
            };
            // Where the clause-boundary scan starts: the content's start, or
            // for an interrupting clause (`Russia, he said, would ...`) the
            // cue, so a comma in the part before it ends nothing.
            let mut scan_from = cs;
            if matches!(
                frames[fi].kind_hint,
                FrameKind::Trailing | FrameKind::Parenthetical
            ) || (frames[fi].kind_hint == FrameKind::According && cs == 0)
            {
                // Content before the cue: starts after the previous frame's region.
                // A trailing attribution reports an act that is no speech
                // of its own (`Putin rejected the proposal, two people
                // familiar with the call said`) with its subject.
                let start = frames[..fi].iter().rev().find_map(|f| {
                    let (_, e) = f.content?;
                    let relays_act = takes_object(f, toks);
                    (e <= frames[fi].cue_i
                        && !relays_act
                        && !matches!(f.kind_hint, FrameKind::Trailing | FrameKind::Parenthetical))
                    .then_some(e)
                });
                let mut cs2 = start.unwrap_or(cs);
                // `What they're saying: “This is the final offer,” a senior
                // U.S. official told Axios.`: a section label before the
                // quotation is the outlet's.
                let label_end = (cs2..(cs2 + 7).min(ce)).find(|&k| {
                    toks[k].punct(":")
                        && toks
                            .get(k + 1)
                            .is_some_and(|t| t.mark.is_some_and(|(_, open)| open))
                        && toks[cs2..k]
                            .iter()
                            .all(|t| t.quote.is_none() && t.mark.is_none())
                });
                if let Some(colon) = label_end {
                    cs2 = colon + 1;
                }
                // `Sybiha ... was blunter: the peninsula, he said, “is the
                // key ...”`: the narration before a colon introduces the
                // interrupted report.
                if frames[fi].kind_hint == FrameKind::Parenthetical {
                    let subject_start = frames[fi].subj.map_or(frames[fi].cue_i, |(a, _)| a);
                    let colon = (cs2..subject_start.min(ce))
                        .rev()
                        .find(|&k| toks[k].punct(":") && toks[k].quote.is_none());
                    if let Some(colon) = colon {
                        cs2 = colon + 1;
                    }
                }
                while cs2 < ce
                    && (toks[cs2].is_comma()
                        || toks[cs2].is("while")
                        || toks[cs2].is("and")
                        || toks[cs2].is("but"))
                {
                    cs2 += 1;
                }
                if frames[fi].kind_hint != FrameKind::Parenthetical {
                    frames[fi].content = Some((cs2, ce));
                    continue;
                }
                cs = cs2;
                scan_from = frames[fi].cue_j;
            }
            // The next frame's start (its subject, or the connector before a participle).
            for f in frames.iter().skip(fi + 1) {
                let st = f.subj.map_or_else(
                    || self.skip_adverbs_left(toks, f.cue_i),
                    |(a, _)| a.min(f.cue_i),
                );
                // A trailing attribution reports the sentence part before
                // it, ours included: it ends nothing but our words (`Ministers
                // agreed to extend the mission, officials said.`).
                if f.kind_hint == FrameKind::Trailing
                    && st > cs + 1
                    && st < ce
                    && toks[st - 1].is_comma()
                    && toks[st - 2].mark.is_none()
                {
                    ce = st - 1;
                    break;
                }
                if matches!(f.kind_hint, FrameKind::Trailing | FrameKind::Parenthetical)
                    || (f.kind_hint == FrameKind::According
                        && f.content.is_some_and(|(c, _)| c == 0))
                {
                    continue;
                }
                // `said that while he supported the offer, sending troops
                // would be ...`: a subordinate clause opening the content
                // is part of it.
                let opens_content = st == cs + 1
                    && matches!(
                        toks[cs].lower,
                        "while" | "although" | "though" | "whereas" | "when" | "if"
                    );
                if st > cs && st < ce && self.is_connected(toks, cs, st) && !opens_content {
                    ce = st;
                    break;
                }
            }
            // `Takaichi, who told the Diet that Japan stands with Ukraine
            // “today and tomorrow,” did not say whether ...`: a report in a
            // relative clause ends at the comma that closes the clause,
            // before the main clause's predicate.
            let in_relative = {
                let mut l = self.skip_adverbs_left(toks, frames[fi].cue_i);
                while l > 0 && matches!(toks[l - 1].lower, "has" | "have" | "had" | "also") {
                    l -= 1;
                }
                l >= 2 && toks[l - 1].is("who") && toks[l - 2].is_comma()
            };
            let predicate_at = |n: usize| {
                toks.get(n).is_some_and(|v| {
                    v.word
                        && !v.cap
                        && v.quote.is_none()
                        && (FINITE_VERBS.contains(v.lower)
                            || v.looks_past_tense()
                            || matches!(v.lower, "did" | "does" | "has" | "had" | "was" | "is")
                            || (MODALS.contains(v.lower) && !v.is("to")))
                })
            };
            // (A relative clause inside the content closes its own comma:
            // `who said the plan, which was drafted in Washington, was
            // flawed, declined`.)
            // (So does an aside: `who said that the sanctions, if lifted
            // too early, would embolden Moscow, declined`, `the ceasefire,
            // however, must hold`.)
            // (A relative clause after a whole clause is the reporter's
            // comment, and the predicate after it the main clause's: `who
            // said the sanctions must stay, which most leaders agree with,
            // flew to Kyiv`.)
            let mut inner_open: Option<usize> = None;
            // Clause boundaries.
            let mut k = scan_from;
            while k < ce {
                let t = &toks[k];
                if in_relative && k > cs && t.is_comma() && t.quote.is_none() {
                    let opens = toks.get(k + 1).is_some_and(|n| {
                        matches!(
                            n.lower,
                            "which"
                                | "who"
                                | "whose"
                                | "if"
                                | "when"
                                | "while"
                                | "although"
                                | "though"
                                | "however"
                                | "unless"
                                | "once"
                        )
                    });
                    if let Some(open) = inner_open {
                        let comment = toks[open + 1].is("which")
                            && toks[cs..open]
                                .iter()
                                .any(|w| w.word && w.quote.is_none() && w.finite_or_modal())
                            && predicate_at(k + 1);
                        if comment {
                            ce = open;
                            break;
                        }
                        inner_open = opens.then_some(k);
                        k += 1;
                        continue;
                    }
                    if opens {
                        inner_open = Some(k);
                        k += 1;
                        continue;
                    }
                }
                if in_relative && k > cs {
                    let closes_clause = (t.is_comma() && t.quote.is_none() && predicate_at(k + 1))
                        || (t.mark.is_some_and(|(_, open)| !open)
                            && toks[k - 1].is_comma()
                            && predicate_at(k + 1));
                    if closes_clause {
                        ce = if t.is_comma() { k } else { k + 1 };
                        break;
                    }
                }
                // `“... in the right direction,” but she declined ...`: a
                // quotation ending in a comma, then a new clause.
                // (`“does not recognize unilateral sanctions,” a position
                // that has frustrated its partners`: the reporter's comment
                // on the quotation.)
                let comment_follows = toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.lower, "a" | "an"))
                    && toks.get(k + 2).is_some_and(|n| {
                        matches!(
                            n.lower,
                            "claim"
                                | "allegation"
                                | "assertion"
                                | "accusation"
                                | "position"
                                | "stance"
                                | "view"
                                | "line"
                                | "remark"
                                | "reference"
                        )
                    });
                let closes_with_comma = t.mark.is_some_and(|(_, open)| !open)
                    && k > 0
                    && toks[k - 1].lower == ","
                    && (comment_follows
                        || toks.get(k + 1).is_some_and(|n| {
                            matches!(
                                n.lower,
                                "but" | "although" | "though" | "while" | "whereas" | "according"
                            )
                        }));
                if closes_with_comma {
                    ce = k + 1;
                    break;
                }
                if t.quote.is_some() || t.mark.is_some() {
                    k += 1;
                    continue;
                }
                let next = toks.get(k + 1);
                let next_l = next.map_or("", |n| n.lower);
                let verb_after = |n: usize| {
                    let mut m = n;
                    while m < toks.len()
                        && toks[m].word
                        && (SKIPPABLE.contains(toks[m].lower) || toks[m].lower.ends_with("ly"))
                    {
                        m += 1;
                    }
                    toks.get(m).is_some_and(|v| {
                        v.word
                            && !v.cap
                            && (FINITE_VERBS.contains(v.lower)
                                || v.looks_past_tense()
                                || self.lex.cues.longest_at(&[v.lower]).is_some())
                    })
                };
                // `called for an immediate, full and unconditional
                // ceasefire`: a comma inside a series of modifiers.
                let in_series = || {
                    let plain = |n: usize| {
                        toks.get(n).is_some_and(|w| {
                            w.word
                                && !w.cap
                                && w.quote.is_none()
                                && !DETERMINERS.contains(w.lower)
                                && !PRONOUNS.contains(w.lower)
                                && !w.looks_participle()
                                && self.lex.cues.longest_at(&[w.lower]).is_none()
                        })
                    };
                    // Not the subjects of a verb (`the plan, officials
                    // and diplomats said`).
                    let verb_near = |m: usize| {
                        toks[m..(m + 4).min(toks.len())].iter().any(|w| {
                            w.word
                                && (w.finite_or_modal()
                                    || self.lex.cues.longest_at(&[w.lower]).is_some())
                        })
                    };
                    k > 0
                        && plain(k - 1)
                        && (k + 2..(k + 5).min(toks.len())).any(|m| {
                            matches!(toks[m].lower, "and" | "or")
                                && (k + 1..m).all(&plain)
                                && toks.get(m + 1).is_some_and(|w| w.word && !w.cap)
                                && !verb_near(m + 1)
                        })
                };
                let np_stop = frames[fi].np_content
                    && ((t.is_comma() && !in_series())
                        || ((t.is("but") || t.is("and")) && verb_after(k + 1)));
                let participle_and = frames[fi].participle
                    && t.is("and")
                    && next.is_some_and(|n| n.word && n.lower.ends_with("ing") && !n.cap);
                let stop = np_stop
                    || participle_and
                    || t.punct(";")
                    || (t.punct(".") && k + 1 >= toks.len())
                    || (t.is_comma()
                        && matches!(next_l, "although" | "though" | "whereas" | "while"))
                    || (t.is_comma()
                        && next_l == "but"
                        && toks.get(k + 2).is_some_and(|n| {
                            // `said ..., but gave no timeline`: the reporting
                            // subject's own next act.
                            PRONOUNS.contains(n.lower)
                                || n.is("also")
                                || self.lex.cues.longest_at(&[n.lower]).is_some()
                                || matches!(
                                    n.lower,
                                    "gave"
                                        | "declined"
                                        | "did"
                                        | "didn't"
                                        | "offered"
                                        | "stopped"
                                        | "refused"
                                        | "provided"
                                )
                        }))
                    || (t.is_comma() && next_l == "according")
                    // `... with European partners but declined to comment`:
                    // the subject's refusal is the reporter's account.
                    || (t.is("but")
                        && matches!(next_l, "declined" | "refused" | "gave" | "offered")
                        && toks.get(k + 2).is_some_and(|n| n.word && !n.cap))
                    // `captured the village, a claim Kyiv denied`, `..., which
                    // Moscow denies`: the reporter's comment on the claim.
                    || (t.is_comma()
                        && ((matches!(next_l, "a" | "an")
                            && toks.get(k + 2).is_some_and(|n| {
                                matches!(
                                    n.lower,
                                    "claim" | "allegation" | "assertion" | "charge" | "accusation"
                                )
                            }))
                            || (next_l == "which"
                                && toks[k + 2..]
                                    .iter()
                                    .take(4)
                                    .take_while(|n| n.word)
                                    .any(|n| {
                                        matches!(
                                            n.lower,
                                            "denied"
                                                | "denies"
                                                | "deny"
                                                | "rejected"
                                                | "rejects"
                                                | "disputed"
                                                | "disputes"
                                        )
                                    }))))
                    || ((t.punct("—") || t.punct("–"))
                        && matches!(
                            next_l,
                            "though"
                                | "although"
                                | "but"
                                | "while"
                                | "whereas"
                                | "an"
                                | "a"
                                | "which"
                        ))
                    || (t.is_comma()
                        && next.is_some_and(|n| {
                            self.lex
                                .cues
                                .longest_at(&[n.lower])
                                .is_some_and(|(f, _)| f.participle && !f.classes.noun)
                        }));
                if stop {
                    ce = k;
                    break;
                }
                k += 1;
            }
            frames[fi].content = Some((cs, ce));
            frames[fi].region_end = frames[fi].region_end.min(ce.max(frames[fi].cue_j));
        }
    }

    /// True when tokens `from..to` end with a connector that joins a new
    /// clause (`, while`, `and`, `—`), i.e. `to` starts a sibling clause.
    pub(super) fn is_connected(&self, toks: &[Tok], from: usize, to: usize) -> bool {
        if to == 0 || to <= from {
            return false;
        }
        let prev = &toks[to - 1];
        prev.is_comma()
            || prev.is("and")
            || prev.is("but")
            || prev.is("while")
            || prev.is("though")
            || prev.is("although")
            || prev.is("as")
            || prev.is("where")
            || prev.is("when")
            || prev.punct("—")
            || prev.punct("–")
            || prev.punct(";")
            || prev.mark.is_some_and(|(_, open)| !open)
            || (to >= 2 && toks[to - 2].is_comma())
    }

    /// The reporting sentence without the clauses of other speakers' frames.
    pub(super) fn context_without_others(
        &self,
        frames: &[Frame],
        me: &Frame,
        toks: &[Tok],
        text: &str,
        (s, e): (usize, usize),
        unheard: &[(usize, usize)],
    ) -> String {
        let mut cut: Vec<(usize, usize)> = unheard.to_vec();
        let start_of = |f: &Frame| {
            f.subj.map_or_else(
                || self.skip_adverbs_left(toks, f.cue_i),
                |(a, _)| a.min(f.cue_i),
            )
        };
        for f in frames {
            if std::ptr::eq(f, me) {
                continue;
            }
            // The same speaker's other clauses are context, unless `but`
            // contrasts them (`reiterated his openness ... but dismissed ...`).
            let later = if f.cue_i > me.cue_i {
                start_of(f)
            } else {
                start_of(me)
            };
            let contrast = later > 0 && toks[later - 1].is("but");
            if f.speaker == me.speaker && !contrast {
                continue;
            }
            let a = f.subj.map_or(f.cue_i, |(a, _)| a.min(f.cue_i));
            let b = f.content.map_or(f.cue_j, |(_, b)| b.max(f.cue_j));
            if a < b && b <= toks.len() {
                cut.push((toks[a].start, toks[b - 1].end));
            }
        }
        // `Kostadin Kostadinov, whose party wants Bulgaria out of NATO, said
        // the sanctions were a crime`: a relative clause describing the
        // speaker is the reporter's, no part of what is reported.
        if let Some((_, subj_end)) = me.subj {
            let clause = subj_end < me.cue_i
                && toks.get(subj_end).is_some_and(Tok::is_comma)
                && toks
                    .get(subj_end + 1)
                    .is_some_and(|t| matches!(t.lower, "who" | "whose"))
                && toks[me.cue_i - 1].is_comma();
            if clause {
                cut.push((toks[subj_end].start, toks[me.cue_i - 1].end));
            }
        }
        // `The ceasefire, Peskov said, was unacceptable.`: the stance is read
        // in the sentence without its reporting clause, so that a judgement
        // reaches across it to its subject.
        if me.kind_hint == FrameKind::Parenthetical {
            if let Some((a, subj_end)) = me.subj {
                let a = a.min(me.cue_i);
                // After the cue, or after its subject (`, according to
                // Peskov,`).
                let mut clause_end = me.cue_j.max(subj_end);
                // (With its adverbial: `The sanctions, Kallas said after
                // visiting Kyiv, must stay`.)
                let adverbial = toks.get(clause_end).is_some_and(|t| {
                    (PREPOSITIONS.contains(t.lower) && !t.is("to"))
                        || matches!(t.lower, "when" | "while" | "as" | "once")
                });
                if adverbial {
                    if let Some(p) = toks[clause_end..]
                        .iter()
                        .take(14)
                        .position(|t| !t.word || t.quote.is_some())
                        .filter(|&p| toks[clause_end + p].is_comma())
                    {
                        clause_end += p;
                    }
                }
                let b = if toks.get(clause_end).is_some_and(Tok::is_comma) {
                    clause_end + 1
                } else {
                    clause_end
                };
                if a > 0 && toks[a - 1].is_comma() && b <= toks.len() {
                    cut.push((toks[a - 1].start, toks[b - 1].end));
                }
            }
        }
        // `European governments, they said, are deeply split on this; the
        // Baltic states regard any early relief as a reward for aggression`:
        // a content that ends at a semicolon leaves the clause after it to
        // the writer.
        if let Some((_, b)) = me.content {
            if toks.get(b).is_some_and(|t| t.punct(";")) && b + 1 < toks.len() {
                cut.push((toks[b].start, e));
            }
        }
        if cut.is_empty() {
            return text[s..e].to_string();
        }
        cut.sort_unstable();
        let mut out = String::new();
        let mut at = s;
        for (a, b) in cut {
            if a > at {
                out.push_str(&text[at..a]);
            }
            at = at.max(b);
        }
        if at < e {
            out.push_str(&text[at..e]);
        }
        out
    }
}
