namespace Imr.Clinical;

/// <summary>What a ConText trigger does to the facts in its scope.</summary>
internal enum TriggerType : byte
{
    Negation,
    Possible,
    Historical,
    Hypothetical,
    OtherSubject,

    /// <summary>Looks like a trigger but is not one ("no increase", "without contrast"): matched so the shorter trigger inside it is not.</summary>
    Pseudo,

    /// <summary>Ends every scope ("but", "however", "due to").</summary>
    Terminate,

    /// <summary>Ends negation and history scopes ("positive", "reports").</summary>
    TerminateNegation,

    /// <summary>Ends historical scopes only ("now", "currently").</summary>
    TerminateHistorical,
}

internal enum TriggerDirection : byte
{
    /// <summary>Scope runs right, to the end of the sentence, a terminator or the window.</summary>
    Forward,

    /// <summary>Scope runs left ("Tinel's was negative").</summary>
    Backward,

    /// <summary>Forward when a word follows, backward when the clause ends ("negative SLR" / "Tinel's negative").</summary>
    Adaptive,
}

internal readonly record struct TriggerRule(TriggerType Type, TriggerDirection Direction);

/// <summary>
/// The trigger lexicon of NegEx (Chapman et al. 2001) and ConText (Harkema et al. 2009), cut to workers' compensation
/// case summaries: utilization review vocabulary ("non-certified the request for", "was denied") reads as
/// hypothetical, and "without contrast" is not a negation. Phrases are matched token by token, longest first.
/// </summary>
internal static class ContextTriggers
{
    public static readonly (string Phrase, TriggerType Type, TriggerDirection Direction)[] All =
    [
        // Negation, before the fact.
        .. Forward(TriggerType.Negation,
            "no", "not", "non", "without", "denies", "denied", "deny", "denying", "never", "none", "neither", "nor",
            "no evidence of", "no evidence for", "no evidence", "no sign of", "no signs of", "no signs", "no indication of",
            "no indication", "no mention of", "no documentation of", "no documentation", "no report of", "no reports of",
            "no history of", "no complaints of", "no complaint of", "not any", "no further evidence",
            // "positive" ends a negation ("no numbness, positive Tinel"), but not right after it: "no positive findings".
            "no positive", "without positive", "not positive",
            "negative for", "free of", "absence of", "absent", "lack of", "lacks", "lacking", "lack", "lacked",
            "insufficient documentation of", "insufficient evidence of", "inadequate documentation of",
            "failed to demonstrate", "failed to document", "failed to show", "failed to reveal", "fails to demonstrate",
            "fails to reveal", "did not reveal", "does not reveal", "do not reveal", "did not show", "does not show",
            "did not demonstrate", "does not demonstrate", "did not have", "does not have", "did not report",
            "has not had", "had not", "has not", "have not", "no longer", "resolution of", "ruled out", "rules out",
            "unremarkable for", "cannot", "can not", "could not", "did not", "does not", "do not", "was not", "were not",
            "is not", "are not", "absence"),
        // Negation, after the fact.
        .. Backward(TriggerType.Negation,
            "was negative", "were negative", "is negative", "are negative", "was absent", "were absent", "is absent",
            "are absent", "tested negative", "not present", "was not present", "not noted", "was not noted",
            "were not noted", "not appreciated", "was not appreciated", "not seen", "not documented",
            "was not documented", "were not documented", "not found", "not evident", "not demonstrated",
            "not performed", "not described", "not elicited", "not reported", "unremarkable", "was unremarkable",
            "were unremarkable", "was ruled out", "were ruled out", "has resolved", "have resolved",
            "within normal limits", "was denied by the patient", "free", "was normal", "was not described",
            "were not described", "was not performed", "were not performed", "was not done", "were not done", "was not obtained",
            "were not obtained", "was not available", "were not available"),
        ("negative", TriggerType.Negation, TriggerDirection.Adaptive),

        // Uncertainty.
        .. Forward(TriggerType.Possible,
            "rule out", "to rule out", "r / o", "rule - out", "possible", "possibly", "probable", "probably",
            "questionable", "suspected", "suspect", "suspicion of", "suspicious for", "concern for", "concerning for",
            "may have", "may be", "might be", "might have", "could be", "could have", "likely", "most likely",
            "versus", "vs", "differential diagnosis", "evaluate for", "to evaluate for", "assess for", "to assess for",
            "cannot rule out", "can not rule out", "cannot exclude", "question of", "presumed", "suggestive of",
            "consistent with possible", "borderline"),
        .. Backward(TriggerType.Possible,
            "is questionable", "was questionable", "were questionable", "is possible", "was possible", "is suspected",
            "was suspected", "cannot be ruled out", "cannot be excluded", "not excluded", "could not be ruled out",
            "is equivocal", "was equivocal", "equivocal", "is likely", "was likely"),

        // History.
        .. Forward(TriggerType.Historical,
            "history of", "h / o", "hx of", "status post", "s / p", "previous", "previously", "prior", "past",
            "in the past", "past medical history", "past history", "history", "remote", "former", "formerly",
            "prior history of", "past surgical history", "surgical history"),
        .. Backward(TriggerType.Historical, "ago", "in the distant past", "years ago"),

        // Requests, plans and conditions.
        .. Forward(TriggerType.Hypothetical,
            "request for", "requests for", "request", "requests", "requested", "requesting", "is requesting",
            "request for authorization", "requested authorization for", "authorization for", "authorization request",
            "treatment plan", "plan", "plans", "planned", "plan of care", "recommend", "recommends", "recommended",
            "recommendation", "recommendations", "will", "would", "to be", "proposed", "propose", "under consideration",
            "consider", "considering", "consideration", "if", "should", "ordered", "order", "scheduled", "pending",
            "awaiting", "candidate for", "non - certified", "noncertified", "non - certify", "non - certification",
            "noncertification", "non - certification of", "certification of", "denied the request", "denied a request",
            "denied the", "modified the request", "modified the", "modification of", "authorized", "authorize",
            "approve", "approved", "denial of", "failed to approve", "failed to authorize", "failed to certify",
            "pursue", "pursuing", "pursuit of", "referral to", "referral for", "referred for", "refer",
            "is being requested", "seeking", "would like to", "wants", "hopes to", "trial of", "if not", "initiate",
            "initiating", "start", "requires", "require", "required for", "in order to support", "to support",
            "to warrant", "to justify"),
        .. Backward(TriggerType.Hypothetical,
            "was requested", "were requested", "is requested", "are requested", "was ordered", "were ordered",
            "was recommended", "were recommended", "was proposed", "were proposed", "was sought", "was denied",
            "were denied", "was non - certified", "were non - certified", "was noncertified", "was not certified",
            "were not certified", "was modified", "was authorized", "were authorized", "was approved", "were approved",
            "was not medically necessary", "were not medically necessary", "is not medically necessary",
            "was the original request", "was requested for", "was scheduled", "were scheduled", "is scheduled",
            "are scheduled", "was required", "is required", "were required", "are required", "would be required",
            "will be required", "is needed", "would be needed", "is necessary", "would be necessary"),

        // Someone else.
        .. Forward(TriggerType.OtherSubject,
            "family history", "family history of", "mother", "father", "brother", "sister", "son", "daughter",
            "his mother", "her mother", "his father", "her father", "sibling", "siblings", "parents", "wife", "husband",
            "spouse", "co - worker", "coworker", "family members", "girlfriend", "boyfriend"),

        // Look-alikes.
        .. Forward(TriggerType.Pseudo,
            "no increase", "no change", "no significant change", "no interval change", "no definite change",
            "not only", "not necessarily", "no further", "not certain", "not cause", "not drain", "not extend",
            "gram negative", "without contrast", "with and without contrast", "without difficulty",
            "without assistance", "without restrictions", "without restriction", "not medically necessary",
            "not recommended", "not supported", "not indicated", "not intended", "not clearly", "no more than",
            "not more than", "no later than", "not able to fill", "non - steroidal", "non - operative",
            "non - surgical", "non - industrial", "non - weight", "no .", "prior to", "history and physical",
            "did not base", "did not cite", "in order to", "in order", "noted to be", "found to be",
            "appears to be", "appear to be", "seems to be", "reported to be", "documented to be", "said to be",
            "felt to be", "thought to be", "considered to be", "deemed to be", "continues to be", "continued to be",
            "no better", "over the past", "for the past", "within the past", "during the past", "past week",
            "past month", "past year", "past few", "past several", "past couple", "just past", "the past",
            "with and without", "without resistance", "with or without"),

        // Scope ends.
        .. Forward(TriggerType.Terminate,
            "but", "however", "although", "though", "except", "yet", "whereas", "nevertheless", "aside from",
            "apart from", "which", "who", "because", "due to", "secondary to", "as a result", "since then",
            "other than", "while", "whose", "thereafter", "noting", "stating", "citing", "explaining", "indicating that",
            "noting that", "stating that"),
        .. Forward(TriggerType.TerminateNegation,
            "positive", "reports", "reported", "complains", "complained", "presents", "presented",
            "endorses", "endorsed", "states", "stated"),
        .. Forward(TriggerType.TerminateHistorical,
            "now", "currently", "presently", "today", "current", "recent", "recently", "continues"),
    ];

    private static IEnumerable<(string, TriggerType, TriggerDirection)> Forward(TriggerType type, params string[] phrases) =>
        phrases.Select(p => (p, type, TriggerDirection.Forward));

    private static IEnumerable<(string, TriggerType, TriggerDirection)> Backward(TriggerType type, params string[] phrases) =>
        phrases.Select(p => (p, type, TriggerDirection.Backward));
}
