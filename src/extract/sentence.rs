//! Reading one sentence: its frames, their contents and speakers, and the
//! statements they make, with the discourse state carried to the next
//! sentence.

use super::*;

impl Extractor {
    /// The statements of sentence `text[s..e]`, read from its tokens.
    #[allow(clippy::too_many_lines)]
    pub(super) fn sentence(
        &self,
        text: &str,
        (s, e): (usize, usize),
        toks: &[Tok],
        quotes: &[Quote],
        ctx: &mut DocCtx,
        paragraph: usize,
    ) -> Vec<Found> {
        if toks.len() > MAX_SENTENCE_TOKENS {
            return Vec::new();
        }
        let readings = self.register_names(toks, text, ctx);
        let subject_hint = self.sentence_subject(toks, text, ctx, &readings);
        self.note_issued_document(toks, text, ctx, &subject_hint);
        let mut frames = self.find_frames(toks, text);
        // Resolve speakers in order; participles inherit the clause subject.
        for fi in 0..frames.len() {
            let speaker = match frames[fi].subj {
                Some((a, b)) => {
                    let found =
                        self.resolve_np(&toks[a..b], text, ctx, &subject_hint, toks[a].start);
                    // `A statement from the Kremlin said ...`: a later `the
                    // statement` is the Kremlin's.
                    let issued = a >= 2
                        && matches!(toks[a - 1].lower, "from" | "by")
                        && DOCUMENT_NOUNS.contains(toks[a - 2].lower);
                    if let (true, Some(sp)) = (issued, &found) {
                        ctx.last_document = Some((singular(toks[a - 2].lower), sp.clone()));
                    }
                    found
                }
                None => None,
            };
            let speaker = speaker.or_else(|| {
                // Only a frame with no subject of its own (a participle or a
                // coordinated verb) takes the clause's subject; an
                // unresolvable subject (`peace talks`) is no speaker.
                if frames[fi].subj.is_none()
                    && (frames[fi].participle
                        || matches!(
                            frames[fi].kind_hint,
                            FrameKind::Normal | FrameKind::Ascriptive
                        ))
                {
                    self.participle_subject(&frames, fi, toks, text, &subject_hint, ctx)
                } else {
                    None
                }
            });
            if let Some(sp) = &speaker {
                // The stretch around the cue outside the content: `In its
                // statement, the ministry called on ...`, `said in a
                // statement that ...`.
                let f = &frames[fi];
                let from = f.subj.map_or(f.cue_i, |(a, _)| a.min(f.cue_i));
                let to = match f.content {
                    Some((cs, _)) if cs > f.cue_j => cs,
                    _ => (f.cue_j + 6).min(toks.len()),
                };
                self.note_occasion_document(&toks[from.saturating_sub(8)..to], sp, ctx);
            }
            frames[fi].speaker = speaker;
        }
        // `it`/`they` stand for an institution only with a speech verb
        // (`it said`, not `it highlights`).
        for f in &mut frames {
            let group_pronoun = f
                .subj
                .is_some_and(|(a, b)| b == a + 1 && matches!(toks[a].lower, "it" | "they"));
            // (`It described Crimea as “an inalienable part of Russia”`: an
            // ascription is a statement too.)
            if group_pronoun
                && !CORE_SPEECH.contains(f.form.lemma.as_str())
                && f.kind_hint != FrameKind::Ascriptive
            {
                f.speaker = None;
            }
        }
        // `Amid reports that Washington could recognize Crimea, Zelensky
        // said ...`: words reported from no one named are still not the
        // speaker's, up to the first comma.
        let unheard: Vec<(usize, usize)> = frames
            .iter()
            .filter(|f| f.speaker.is_none())
            .filter_map(|f| {
                let a = f.subj.map_or(f.cue_i, |(a, _)| a.min(f.cue_i));
                let (cs, ce) = f.content?;
                let b =
                    (cs..ce.min(toks.len())).find(|&k| toks[k].is_comma() || toks[k].punct(";"))?;
                (a < b).then(|| (toks[a].start, toks[b - 1].end))
            })
            .collect();
        frames.retain(|f| f.speaker.is_some());
        // `According to the Interfax news agency, Peskov said: ...`: the
        // agency only relays the speaker's own attribution.
        let relaying: Vec<bool> = frames
            .iter()
            .map(|f| self.relays_attribution(f, &frames, toks))
            .collect();
        let mut relaying = relaying.into_iter();
        frames.retain(|_| !relaying.next().unwrap_or(false));
        // `“...,” Sybiha said on Monday, according to Interfax.`: the agency
        // only relays a statement already attributed.
        // `..., President Ilham Aliyev said at a meeting, Trend reports.`:
        // so does an outlet's credit after it.
        let credits = |g: &Frame| {
            g.kind_hint == FrameKind::Trailing
                && matches!(g.form.lemma.as_str(), "report" | "write")
                && g.subj.is_some_and(|(a, b)| {
                    b > a && credit_source_len(&toks[a..b]) == b - a && g.cue_i == b
                })
                && toks[g.cue_j..].iter().all(|t| !t.word)
        };
        let some_according = frames
            .iter()
            .any(|f| f.kind_hint == FrameKind::According || credits(f));
        let relayed: Vec<usize> = frames
            .iter()
            .filter(|f| {
                some_according && matches!(f.kind_hint, FrameKind::Trailing | FrameKind::Tail)
            })
            .filter_map(|f| {
                let next = frames.iter().find(|g| g.cue_i >= f.cue_j)?;
                let to = if credits(next) {
                    next.subj.map_or(next.cue_i, |(a, _)| a)
                } else {
                    next.cue_i
                };
                let between = &toks[f.cue_j..to.max(f.cue_j)];
                // (A credit ends the sentence: the cue's adverbials before
                // it may run on, `said at a meeting with a delegation of the
                // Verkhovna Rada, Trend reports`, as long as no clause
                // opens in them.)
                let adverbials_only = credits(next)
                    && between.len() <= 16
                    && between.iter().all(|t| !t.finite_or_modal());
                ((next.kind_hint == FrameKind::According || credits(next))
                    && (between.len() <= 5 || adverbials_only)
                    && between.last().is_some_and(Tok::is_comma)
                    && between
                        .iter()
                        .all(|t| t.quote.is_none() && t.mark.is_none()))
                .then_some(next.cue_i)
            })
            .collect();
        if !relayed.is_empty() {
            frames.retain(|f| !relayed.contains(&f.cue_i));
        }
        // `“...” Peskov said, adding that talks would resume.`: the tail may
        // carry participles of its own.
        let tail = frames.iter().find(|f| f.kind_hint == FrameKind::Tail);
        if let Some(t) = tail.filter(|t| frames.iter().all(|f| std::ptr::eq(f, *t) || f.participle))
        {
            ctx.tail = t.speaker.clone().map(|sp| (sp, t.cue_text.clone()));
        }
        self.bound_contents(&mut frames, toks);
        // `speaking on Latvian Television's morning programme “Rīta
        // Panorāma”`: the title of a programme or paper in marks is no
        // quotation.
        frames.retain(|f| !f.content.is_some_and(|(cs, ce)| titled_work(toks, cs, ce)));
        // An act a trailing or interrupting attribution reports (`Putin
        // rejected the proposal, officials said`, `The Kremlin, two officials
        // said, has rejected the proposal`) is the officials' statement.
        let relayed: Vec<(usize, usize)> = frames
            .iter()
            .filter(|f| {
                matches!(f.kind_hint, FrameKind::Trailing | FrameKind::Parenthetical)
                    || (f.kind_hint == FrameKind::According
                        && f.content.is_some_and(|(c, _)| c == 0))
            })
            .filter_map(|f| f.content)
            .collect();
        frames.retain(|f| {
            let st = f.subj.map_or(f.cue_i, |(a, _)| a.min(f.cue_i));
            // A frame inside the relayed part whose content runs on past
            // it, over the attribution, is no clause of its own either.
            let overruns = |b: usize| f.content.is_some_and(|(_, e)| e > b + 1);
            let relayed_act = f.kind_hint == FrameKind::Normal
                && relayed.iter().any(|&(a, b)| {
                    a <= st && f.cue_j <= b && (takes_object(f, toks) || overruns(b))
                });
            !relayed_act
        });
        // A frame inside another's content clause belongs to that statement
        // (`said Kyiv feared that ...`), not to a speaker of its own. The
        // relayed acts are gone first: in `... as long as Brussels continues
        // its “sanctions frenzy,” Zakharova said`, the act's object does not
        // swallow the attribution.
        let spans: Vec<(usize, usize)> = frames
            .iter()
            .filter(|f| matches!(f.kind_hint, FrameKind::Normal | FrameKind::Ascriptive))
            .filter_map(|f| f.content)
            .collect();
        // `pushing back against suggestions from Washington that ...`: a
        // sourced noun reports its source's words inside any clause, and
        // the verb whose object it is reports nothing of its own.
        let is_sourced =
            |f: &Frame| f.form.classes.noun && f.subj.is_some_and(|(a, _)| a > f.cue_i);
        let sourced_at: Vec<usize> = frames
            .iter()
            .filter(|f| is_sourced(f))
            .map(|f| f.cue_i)
            .collect();
        frames.retain(|f| {
            let st = f.subj.map_or(f.cue_i, |(a, _)| a.min(f.cue_i));
            let object_is_sourced = f.np_content
                && f.content
                    .is_some_and(|(cs, _)| sourced_at.iter().any(|&n| cs <= n && n <= cs + 2));
            !object_is_sourced && (is_sourced(f) || !spans.iter().any(|&(a, b)| a <= st && st < b))
        });
        // `According to two Moscow lawyers who advise foreign clients, ...`:
        // a verb in the source's relative clause reports nothing.
        let sources: Vec<(usize, usize)> = frames
            .iter()
            .filter(|f| f.kind_hint == FrameKind::According)
            .filter_map(|f| Some((f.subj?.1, f.content?.0)))
            .filter(|&(b, c)| b < c)
            .collect();
        frames.retain(|f| !sources.iter().any(|&(b, c)| b <= f.cue_i && f.cue_i < c));
        // `Asked whether Moscow had accepted the draft, he said ...`: the
        // question is the reporter's, not a statement.
        let asked = toks.first().is_some_and(|t| t.is("asked"))
            || (toks.len() > 1 && toks[0].is("when") && toks[1].is("asked"));
        if asked {
            if let Some(comma) = toks.iter().position(|t| t.is_comma()) {
                frames.retain(|f| f.cue_i > comma);
            }
        }

        let mut out: Vec<Found> = Vec::new();
        let mut used_quotes: HashSet<usize> = HashSet::default();
        // One content clause per statement: `said A, and that B` reports two.
        let mut parts: Vec<(usize, (usize, usize))> = Vec::new();
        for (fi, f) in frames.iter().enumerate() {
            let Some((cs, ce)) = f.content else { continue };
            let mut start = cs;
            for k in cs + 1..ce {
                let t = &toks[k];
                let joined = t.is("that")
                    && t.quote.is_none()
                    && (toks[k - 1].is("and") || toks[k - 1].is("but"))
                    && toks[k - 1].quote.is_none();
                if joined && f.kind_hint != FrameKind::Trailing {
                    parts.push((fi, (start, k - 1)));
                    start = k + 1;
                }
            }
            parts.push((fi, (start, ce)));
            if let Some(second) = f.continuation {
                parts.push((fi, second));
            }
        }
        for (fi, (cs, ce)) in parts {
            let f = &frames[fi];
            let Some(speaker) = f.speaker.as_ref() else {
                continue;
            };
            let context = self.context_without_others(&frames, f, toks, text, (s, e), &unheard);
            let (cs, ce) = trim_content(toks, cs, ce);
            if cs >= ce {
                continue;
            }
            // `claims to have annexed`: an infinitive with nothing after it.
            if ce - cs <= 3 && toks[cs].is("to") {
                continue;
            }
            // A lone function word is no content (`asked for more`).
            if ce - cs == 1
                && matches!(
                    toks[cs].lower,
                    "more"
                        | "it"
                        | "this"
                        | "that"
                        | "them"
                        | "so"
                        | "one"
                        | "nothing"
                        | "everything"
                        | "something"
                        | "otherwise"
                        | "less"
                )
            {
                continue;
            }
            // `reiterated Ukraine's position, stating, “...”`: the object only
            // points at the content that follows.
            let tiny_pointer = ce - cs <= 3
                && self
                    .lex
                    .cues
                    .longest_at(&[toks[ce - 1].lower])
                    .is_some_and(|(c, _)| c.classes.noun);
            if tiny_pointer {
                continue;
            }
            let qs: Vec<usize> = (cs..ce)
                .filter_map(|i| match toks[i].mark {
                    Some((q, true)) => Some(q as usize),
                    _ => None,
                })
                .collect();
            let push = |out: &mut Vec<Found>, kind: Kind, a: usize, b: usize| {
                if a < b {
                    out.push(Found {
                        kind,
                        start: a,
                        end: b,
                        cue: f.cue_text.clone(),
                        speaker: speaker.clone(),
                        context: context.clone(),
                        continues: false,
                        interrupted: f.kind_hint == FrameKind::Parenthetical,
                    });
                }
            };
            // The content is one quotation, with nothing but punctuation
            // after it: `stating, “We will ...”` is direct, not mixed.
            let whole_quote = qs.len() == 1 && {
                let q = quotes[qs[0]];
                let ends_at_quote =
                    !q.closed || toks[ce - 1].is_mark(qs[0], false) || !toks[ce - 1].word;
                toks[cs].is_mark(qs[0], true)
                    && toks[cs..ce]
                        .iter()
                        .rev()
                        .find(|t| t.quote.is_none() && t.mark.is_none())
                        .is_none_or(|t| !t.word)
                    && ends_at_quote
            };
            match f.kind_hint {
                _ if whole_quote => {
                    let q = quotes[qs[0]];
                    let (a, b) = trim_quote_inner(text, q);
                    // `promised “a tough response.”`, `warned of “serious
                    // consequences”`: a phrase the cue takes as its object,
                    // not a sentence of the speaker's, is a fragment.
                    let inside = toks[cs..ce]
                        .iter()
                        .filter(|t| t.quote == Some(qs[0] as u32));
                    let phrase = cs > f.cue_i
                        && text.as_bytes()[a..b]
                            .first()
                            .is_some_and(u8::is_ascii_lowercase)
                        && inside.clone().filter(|t| t.word).count() <= 6
                        && !inside.clone().any(|t| {
                            FINITE_VERBS.contains(t.lower)
                                || MODALS.contains(t.lower)
                                || t.looks_past_tense()
                        });
                    let kind = if phrase { Kind::Fragment } else { Kind::Direct };
                    push(&mut out, kind, a, b);
                    used_quotes.insert(qs[0]);
                }
                // `pulled out due to “logistical issues,” according to ...`:
                // the reporter's narration with the source's words in it.
                // Opening the sentence (`According to Macron, 26 countries
                // have committed to “...”`) the source reports the clause.
                FrameKind::Ascriptive if !qs.is_empty() => {
                    for &qi in &qs {
                        let (a, b) = trim_quote_inner(text, quotes[qi]);
                        push(&mut out, Kind::Fragment, a, b);
                        used_quotes.insert(qi);
                    }
                }
                // Not when the claim runs on after the marks (`A draft
                // included language on “de facto” recognition of Russian
                // control, according to two officials`): that is mixed.
                FrameKind::According
                    if !qs.is_empty()
                        && cs < f.cue_i
                        && toks[cs..ce]
                            .iter()
                            .rposition(|t| t.mark.is_some())
                            .is_some_and(|m| toks[cs + m + 1..ce].iter().all(|t| !t.word)) =>
                {
                    for &qi in &qs {
                        let (a, b) = trim_quote_inner(text, quotes[qi]);
                        push(&mut out, Kind::Fragment, a, b);
                        used_quotes.insert(qi);
                    }
                }
                // `thanked the visitors`: thanks without the speaker's own
                // words (`thanked Meloni for her “clear words”`) report
                // nothing.
                FrameKind::Ascriptive if f.form.lemma == "thank" => {}
                FrameKind::Ascriptive => {
                    // `described the talks as constructive`: reported wording
                    // without marks is an indirect statement.
                    push(&mut out, Kind::Indirect, toks[cs].start, toks[ce - 1].end);
                }
                FrameKind::Trailing if !qs.is_empty() && toks[cs].is_mark(qs[0], true) => {
                    // `“A” with more words, he added.`: the quote is the
                    // speaker's; the rest is the reporter's.
                    for &qi in &qs {
                        let (a, b) = trim_quote_inner(text, quotes[qi]);
                        push(&mut out, Kind::Fragment, a, b);
                        used_quotes.insert(qi);
                    }
                }
                // `criticised the government for what it called a “lack of
                // clarity”`, `warned against what he called “double
                // standards” by countries ...`: the words the speaker's
                // own label quotes are the statement, a fragment.
                _ if f.np_content && !qs.is_empty() && self.names_what_called(toks, cs, qs[0]) => {
                    let (a, b) = trim_quote_inner(text, quotes[qs[0]]);
                    push(&mut out, Kind::Fragment, a, b);
                    used_quotes.insert(qs[0]);
                }
                _ => {
                    for &qi in &qs {
                        used_quotes.insert(qi);
                    }
                    // `said sanctions had hurt Narva more than Moscow: “The
                    // border is closed. Who is this punishing?”`: a colon
                    // then a quotation of whole sentences to the content's
                    // end is a second statement, in the speaker's words.
                    let colon_quote = qs.last().and_then(|&qi| {
                        let open = (cs..ce).find(|&k| toks[k].is_mark(qi, true))?;
                        let (a, b) = trim_quote_inner(text, quotes[qi]);
                        let capital = text[a..b].chars().next().is_some_and(char::is_uppercase);
                        let to_end = toks[open..ce]
                            .iter()
                            .all(|t| t.quote == Some(qi as u32) || t.mark.is_some() || !t.word);
                        (open >= cs + 3 && toks[open - 1].punct(":") && capital && to_end)
                            .then_some((open - 1, a, b))
                    });
                    let quoted_before_colon = match colon_quote {
                        Some(_) => qs.len() > 1,
                        None => !qs.is_empty(),
                    };
                    let ce = colon_quote.map_or(ce, |(colon, _, _)| colon);
                    let kind = if quoted_before_colon {
                        Kind::Mixed
                    } else {
                        Kind::Indirect
                    };
                    // (`said at a news conference in The Hague: “...”`,
                    // `told reporters at the State Department: “...”`,
                    // `summed up the state of mind: “...”`: an adverbial or
                    // an object before the colon is no statement.)
                    let no_clause = colon_quote.is_some()
                        && (PREPOSITIONS.contains(toks[cs].lower)
                            || occasion_at(toks, cs).is_some()
                            || !self.looks_like_clause(&toks[..ce], cs));
                    if !no_clause {
                        push(&mut out, kind, toks[cs].start, toks[ce - 1].end);
                    }
                    if let Some((_, a, b)) = colon_quote {
                        push(&mut out, Kind::Direct, a, b);
                    }
                }
            }
        }
        // Quotations inside a frame's region that no content claimed are
        // fragments of that frame's speaker (`called it “fake” and added ...`).
        for (qi, q) in quotes.iter().enumerate() {
            if used_quotes.contains(&qi) {
                continue;
            }
            let Some(open_i) = toks.iter().position(|t| t.is_mark(qi, true)) else {
                continue;
            };
            let owner = frames.iter().find(|f| {
                open_i >= f.region_start
                    && open_i < f.region_end
                    && f.kind_hint == FrameKind::Ascriptive
            });
            if let Some(f) = owner {
                let (a, b) = trim_quote_inner(text, *q);
                if a < b {
                    out.push(Found {
                        kind: Kind::Fragment,
                        start: a,
                        end: b,
                        cue: f.cue_text.clone(),
                        speaker: f.speaker.clone().unwrap_or_default(),
                        context: self.context_without_others(
                            &frames,
                            f,
                            toks,
                            text,
                            (s, e),
                            &unheard,
                        ),
                        continues: false,
                        interrupted: false,
                    });
                    used_quotes.insert(qi);
                }
            }
        }
        // Free-standing quotations: labels (`Zelensky: “...”`), or a
        // continuation of the last speaker.
        for (qi, q) in quotes.iter().enumerate() {
            if used_quotes.contains(&qi) {
                continue;
            }
            let Some(open_i) = toks.iter().position(|t| t.is_mark(qi, true)) else {
                continue;
            };
            let close_i = toks
                .iter()
                .position(|t| t.is_mark(qi, false))
                .unwrap_or(toks.len() - 1);
            let before: Vec<&Tok> = toks[..open_i]
                .iter()
                .filter(|t| t.quote.is_none())
                .collect();
            let after_words = toks[close_i + 1..]
                .iter()
                .any(|t| t.word && t.quote.is_none());
            let (a, b) = trim_quote_inner(text, *q);
            if a >= b {
                continue;
            }
            let words_inside = text[a..b].split_whitespace().count();
            // `The minister, on Telegram: “...”` / `Zelensky: “...”`
            if before.last().is_some_and(|t| t.punct(":")) && !after_words {
                let label_end = open_i - 1;
                let label_start = toks[..label_end]
                    .iter()
                    .position(|t| t.is_comma())
                    .unwrap_or(label_end);
                // `Quote: “...”` after a paragraph reporting someone, `Quote
                // from a source in the Office of the President: “...”`
                // (Ukrainska Pravda): the words of the one reported, or of
                // the one named after `from`.
                if toks[0].is("quote") && label_end >= 1 {
                    let from = toks[..label_end].iter().position(|t| t.is("from"));
                    let speaker = match from {
                        Some(f) if f + 1 < label_end => self.resolve_np(
                            &toks[f + 1..label_end],
                            text,
                            ctx,
                            &subject_hint,
                            toks[f + 1].start,
                        ),
                        Some(_) => None,
                        None if label_end == 1 => {
                            ctx.last_speaker.as_ref().map(|(sp, _)| sp.clone())
                        }
                        None => None,
                    };
                    if let Some(sp) = speaker {
                        out.push(Found {
                            kind: Kind::Direct,
                            start: a,
                            end: b,
                            cue: ":".to_string(),
                            speaker: sp,
                            context: text[s..e].to_string(),
                            continues: false,
                            interrupted: false,
                        });
                    }
                    continue;
                }
                // The label is a noun phrase, not a clause (`Zelensky was
                // told:` is no label).
                let is_label = label_start > 0
                    && (self.np_left(toks, label_start) == Some((0, label_start))
                        || label_start == 1);
                let labelled = if is_label {
                    self.resolve_np(
                        &toks[..label_start],
                        text,
                        ctx,
                        &subject_hint,
                        toks[0].start,
                    )
                    .map(|sp| (sp, label_start.min(label_end), label_end))
                } else {
                    None
                };
                // `Macron put it bluntly: “...”`, `Zelensky struck a defiant
                // tone: “...”`: the clause's subject introduces the quotation.
                let introduced = || {
                    let (a, v) = self.colon_clause_subject(toks, label_end)?;
                    let sp =
                        self.resolve_np(&toks[a..v], text, ctx, &subject_hint, toks[a].start)?;
                    Some((sp, v, label_end - 1))
                };
                if let Some((sp, cue_from, cue_to)) = labelled.or_else(introduced) {
                    out.push(Found {
                        kind: Kind::Direct,
                        start: a,
                        end: b,
                        cue: text[toks[cue_from].start..toks[cue_to].end]
                            .trim_start_matches(',')
                            .trim()
                            .to_string(),
                        speaker: sp,
                        context: text[s..e].to_string(),
                        continues: false,
                        interrupted: false,
                    });
                    continue;
                }
            }
            let stands_alone = before.iter().all(|t| !t.word) && !after_words;
            if stands_alone && ctx.floating_ok && words_inside >= 2 {
                if let Some((sp, cue)) = ctx.last_speaker.clone() {
                    out.push(Found {
                        kind: Kind::Direct,
                        start: a,
                        end: b,
                        cue,
                        speaker: sp,
                        context: text[s..e].to_string(),
                        continues: true,
                        interrupted: false,
                    });
                }
            }
        }
        out.sort_by_key(|f| f.start);
        ctx.remember_speakers(&out, paragraph);
        // `Edward Lyle, the shadow security minister, said:` ending its
        // sentence: the quotation that opens the next paragraph (or
        // sentence) is his, and so are the paragraphs it runs on into.
        let colon = toks.len().checked_sub(1).filter(|&c| toks[c].punct(":"));
        let narration = toks.iter().all(|t| t.quote.is_none() && t.mark.is_none());
        // After a statement of its own (`The Conservatives said the move was
        // overdue. Edward Lyle ... said:`), the introduction comes last.
        let after_statements = |a: usize| out.iter().all(|f| f.end <= toks[a].start);
        if let Some(colon) = colon.filter(|&c| narration && c >= 2) {
            // A reporting verb before the colon has its subject to its
            // left, appositives and all; another predicate is a clause
            // that introduces (`put it bluntly:`).
            let verb = colon - 1;
            let reports = toks[verb].word
                && self
                    .lex
                    .cues
                    .longest_at(&[toks[verb].lower])
                    .is_some_and(|(f, _)| f.classes.clause && !f.classes.noun);
            let subject = if reports {
                self.subject_left(toks, self.skip_adverbs_left(toks, verb))
                    .map(|(a, b)| (a, b, verb))
            } else {
                self.colon_clause_subject(toks, colon)
                    .map(|(a, v)| (a, v, v))
            };
            let introduced =
                subject
                    .filter(|&(a, _, _)| after_statements(a))
                    .and_then(|(a, b, cue)| {
                        let sp =
                            self.resolve_np(&toks[a..b], text, ctx, &subject_hint, toks[a].start)?;
                        let cue = text[toks[cue].start..toks[colon - 1].end]
                            .trim_start_matches(',')
                            .trim();
                        Some((sp, cue.to_string()))
                    });
            if let Some((sp, cue)) = introduced.filter(|(sp, _)| sp.name.is_some()) {
                ctx.last_speaker = Some((sp, cue));
                ctx.last_paragraph = Some(paragraph);
            }
        }
        if out.is_empty() {
            if let Some(h) = subject_hint {
                // `“...,” Zelensky said. Peskov was more cautious. “We need
                // to study the document.”`: a person opening a sentence of
                // narration is who a quotation after it continues.
                // (After its title: `President Peter Pellegrini took a more
                // cautious line.`)
                let opens = toks
                    .iter()
                    .take_while(|t| t.start < h.0)
                    .all(|t| t.cap && self.is_title_word(t.lower) || t.is("the"))
                    && toks.iter().any(|t| t.start == h.0);
                let narration = toks.iter().all(|t| t.quote.is_none() && t.mark.is_none());
                // Of a manner or an attitude (`was more cautious`, `struck
                // a different tone`, `did not mince words`), not an act
                // (`Putin launched a new offensive`).
                // `took a harder line` is an attitude; `took over the
                // southern command` an act.
                // (`Yonatan Peleg, a reservist who returned from Gaza last
                // year, disagreed.`: past the name's appositive.)
                let name_end = toks
                    .iter()
                    .position(|t| t.start > h.0 && !t.cap)
                    .unwrap_or(toks.len());
                let predicate_at = if toks.get(name_end).is_some_and(Tok::is_comma) {
                    toks[name_end + 1..]
                        .iter()
                        .position(Tok::is_comma)
                        .map_or(toks.len(), |c| name_end + 2 + c)
                } else {
                    name_end
                };
                let mut after = toks[predicate_at.min(toks.len())..]
                    .iter()
                    .filter(|t| t.word);
                let attitude = after
                    .next()
                    .is_some_and(|t| ATTITUDE_VERBS.contains(t.lower))
                    && after
                        .next()
                        .is_none_or(|t| !matches!(t.lower, "over" | "office" | "charge" | "part"));
                let surely_person =
                    h.1.name
                        .as_deref()
                        .and_then(|n| ctx.actors.find(n))
                        .is_some_and(|k| ctx.actors.known[k].is_sure_person());
                if opens && narration && attitude && h.1.person && !h.1.anonymous {
                    ctx.last_viewer = Some(h.1.clone());
                }
                if opens && narration && attitude && h.1.person && !h.1.anonymous && surely_person {
                    ctx.last_speaker = Some((h.1.clone(), String::new()));
                    ctx.last_paragraph = Some(paragraph);
                }
                ctx.salient.push(h.1);
            }
        }
        out
    }

    /// The subject of a clause that introduces a quotation with a colon at
    /// `colon` (`French President Emmanuel Macron put it bluntly:`): the
    /// longest noun phrase opening the sentence, after a conjunction or a
    /// fronted phrase and its comma (`But ...`, `In Paris on Monday, ...`),
    /// then a lowercase predicate. Words put to the subject or passed on by
    /// it are not its own: `Zelensky was asked:`, `was told:`, `Trump quoted
    /// Putin:`, `Zelensky shared a letter from a soldier:`, `Kallas pointed
    /// to a line in Putin's speech:`.
    pub(super) fn colon_clause_subject(
        &self,
        toks: &[Tok],
        colon: usize,
    ) -> Option<(usize, usize)> {
        let mut s0 = usize::from(
            toks.first()
                .is_some_and(|t| matches!(t.lower, "but" | "and" | "yet" | "so" | "still")),
        );
        if let Some(c) = toks[s0..colon].iter().position(Tok::is_comma) {
            s0 += c + 1;
        }
        let v = (s0 + 1..colon.min(s0 + 9))
            .rev()
            .find(|&v| self.np_left(toks, v) == Some((s0, v)))?;
        // `Its regional chairman, Hristo Kozhuharov, put it simply:`: the
        // comma closing a name in apposition opens the predicate.
        let predicate_start = v + usize::from(toks[v].is_comma());
        let predicate = &toks[predicate_start..colon];
        let plain = predicate.first().is_some_and(|t| t.word && !t.cap)
            && predicate
                .iter()
                .all(|t| t.quote.is_none() && t.mark.is_none());
        // `was told:`, `was warned by aides:`; not `was undeterred:`.
        let passive = predicate.len() >= 2
            && BE_FORMS.contains(predicate[0].lower)
            && (matches!(
                predicate[1].lower,
                "told" | "given" | "shown" | "sent" | "reminded" | "asked" | "warned"
            ) || (predicate[1].looks_past_tense()
                && predicate.get(2).is_some_and(|t| t.is("by"))));
        // `a letter from a soldier:`, `a post by Medvedev:`; not `spoke by
        // phone with Macron:`.
        let passed_on = predicate.windows(2).any(|w| {
            (DOCUMENT_NOUNS.contains(w[0].lower) || matches!(w[0].lower, "message" | "words"))
                && (w[1].is("from") || w[1].is("by"))
        });
        let not_own = passive
            || passed_on
            || predicate.iter().any(|t| {
                t.poss
                    || matches!(
                        t.lower,
                        "asked"
                            | "question"
                            | "questions"
                            | "quoted"
                            | "cited"
                            | "read"
                            | "reads"
                            | "heard"
                            | "hears"
                            | "received"
                            | "receives"
                            | "got"
                            | "shared"
                            | "shares"
                            | "remembers"
                            | "remembered"
                            | "recalled"
                            | "recalls"
                            | "pointed"
                            | "points"
                            | "showed"
                            | "shows"
                    )
            });
        (plain && !not_own && predicate.len() <= 12).then_some((s0, v))
    }
}

/// Whether `toks[cs..ce]` is only a short title in marks right after a noun
/// naming a programme, paper or work (`programme “Rīta Panorāma”`, `the
/// newspaper “Kommersant”`).
fn titled_work(toks: &[Tok], cs: usize, ce: usize) -> bool {
    let Some(open) = (cs..ce.min(toks.len())).find(|&k| toks[k].word || toks[k].mark.is_some())
    else {
        return false;
    };
    let after_work_noun = open > 0
        && matches!(
            toks[open - 1].lower,
            "programme"
                | "program"
                | "show"
                | "newspaper"
                | "magazine"
                | "daily"
                | "weekly"
                | "channel"
                | "broadcast"
                | "podcast"
                | "documentary"
                | "film"
                | "book"
                | "column"
                | "series"
                | "titled"
                | "entitled"
        );
    // (Not a paper told something: `told the newspaper “Never.”`.)
    let told = (open.saturating_sub(4)..open.saturating_sub(1))
        .any(|k| matches!(toks[k].lower, "told" | "tell" | "tells" | "telling"));
    after_work_noun
        && !told
        && name_in_marks_end(toks, open).is_some_and(|end| {
            toks[end..ce.min(toks.len()).max(end)]
                .iter()
                .all(|t| !t.word)
        })
}
