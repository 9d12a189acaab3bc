using Imr.Letters.Model;

namespace Imr.Letters.Citations;

/// <summary>
/// One part of the MTUS as letters cite it: its canonical name, the other names letters give it,
/// its ACOEM chapter when it is one, and the section names known to be cited from it.
/// </summary>
/// <param name="Name">The canonical name, as <see cref="MtusCitation.Guideline"/> holds it.</param>
/// <param name="AcoemChapter">The chapter of the ACOEM Practice Guidelines (2nd edition) this part is,
/// for the clinical topics (8 to 15); null for the other parts.</param>
/// <param name="Aliases">Other names for the part; matched loosely (case, spacing, punctuation, "&amp;" for "and").</param>
/// <param name="Sections">Section names known to be cited, by their canonical spelling.</param>
public sealed record MtusPart(string Name, int? AcoemChapter, ValueList<string> Aliases, ValueList<string> Sections)
{
    /// <summary>The canonical name and the aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}

/// <summary>
/// The catalogue of the MTUS of the corpus years (8 CCR 9792.20 to 9792.26): its parts and their section
/// names. The parser needs it because several section names hold commas ("NSAIDs, GI symptoms &amp;
/// cardiovascular risk") and sections are listed with commas too; unknown names still read by a general
/// rule, so the catalogue only has to hold the names that rule would split wrongly, plus common ones so
/// that misspellings read as their canonical name.
/// </summary>
public static class MtusGuidelines
{
    /// <summary>The part whose sections are ACOEM chapters 1 to 7 rather than headings of one chapter.</summary>
    public const string GeneralApproaches = "General Approaches";

    /// <summary>
    /// The ACOEM chapters the MTUS General Approaches adopted (chapters 1 to 7), by number. Their titles
    /// are the section names of <see cref="GeneralApproaches"/>, and older letters cite them as
    /// "ACOEM Chapter 5 Cornerstones of Disability Prevention and Management".
    /// </summary>
    public static IReadOnlyDictionary<int, string> GeneralApproachesChapters { get; } = new Dictionary<int, string>
    {
        [1] = "Prevention",
        [2] = "General Approach to Initial Assessment and Documentation",
        [3] = "Initial Approaches to Treatment",
        [4] = "Work-Relatedness",
        [5] = "Cornerstones of Disability Prevention and Management",
        [6] = "Pain, Suffering, and the Restoration of Function",
        [7] = "Independent Medical Examinations and Consultations",
    };

    // The headings every ACOEM clinical-topic chapter (8 to 15) shares.
    private static readonly string[] AcoemHeadings =
    [
        "Introduction", "Initial Assessment", "Medical History", "Physical Examination", "Red Flags",
        "Diagnostic Criteria", "Initial Care", "Work-Relatedness", "Activity Modification", "Work Activities",
        "Physical Methods", "Medications", "Follow-up Visits", "Special Studies", "Surgical Considerations",
        "Treatment", "Summary", "Recommendations", "General Approach",
    ];

    // Section titles of the Chronic Pain Medical Treatment Guidelines (2009, re-adopted in 2016).
    private static readonly string[] ChronicPainSections =
    [
        "Introduction", "Acetaminophen (APAP)", "Acupuncture", "Anti-inflammatory medications",
        "Antidepressants for chronic pain", "Antiepilepsy drugs (AEDs)", "Aquatic therapy", "Baclofen",
        "Behavioral interventions", "Benzodiazepines", "Biofeedback", "BioniCare knee device",
        "Boswellia Serrata Resin", "Botulinum toxin (Botox)", "Buprenorphine", "Bupropion (Wellbutrin)",
        "Calcitonin", "Capsaicin, topical", "Carisoprodol (Soma)", "Celebrex (celecoxib)",
        "Chronic pain programs (functional restoration programs)", "Chronic pain programs, early intervention",
        "Chronic pain programs, intensity", "Chronic pain programs, opioids", "Codeine",
        "Cognitive behavioral therapy (CBT)", "Complex regional pain syndrome (CRPS)",
        "Complex regional pain syndrome (CRPS), diagnostic criteria",
        "Complex regional pain syndrome (CRPS), diagnostic tests",
        "Complex regional pain syndrome (CRPS), prevention",
        "Complex regional pain syndrome (CRPS), spinal cord stimulators",
        "Complex regional pain syndrome (CRPS), sympathetic and epidural blocks",
        "Complex regional pain syndrome (CRPS), treatment", "Compound drugs", "Cyclobenzaprine (Flexeril)",
        "Dantrolene (Dantrium)", "Diazepam (Valium)", "Diclofenac", "Drug testing", "Duloxetine (Cymbalta)",
        "Electrical stimulators (E-stim)", "Electroceutical therapy (bioelectric nerve block)",
        "Electrodiagnostic testing (EMG/NCS)", "Epidural steroid injections (ESIs)", "Exercise", "Facet blocks",
        "Fentanyl", "Flector patch (diclofenac epolamine)", "Functional improvement measures",
        "Functional restoration programs (FRPs)", "Gabapentin (Neurontin)",
        "Glucosamine (and Chondroitin Sulfate)", "H-wave stimulation (HWT)", "Home health services",
        "Hydrocodone/Acetaminophen", "Implantable drug-delivery systems (IDDSs)",
        "Injection with anaesthetics and/or steroids", "Insomnia treatment",
        "Interferential Current Stimulation (ICS)", "Intrathecal drug delivery systems (IDDSs), medications",
        "Ketamine", "Ketoprofen", "Lidocaine", "Lidoderm (lidocaine patch)", "Low-Level Laser Therapy (LLLT)",
        "Lyrica (pregabalin)", "Manual therapy & manipulation", "Massage therapy", "Medications for chronic pain",
        "Methadone", "Muscle relaxants (for pain)", "Neuromuscular electrical stimulation (NMES devices)",
        "NSAIDs (non-steroidal anti-inflammatory drugs)", "NSAIDs, GI symptoms & cardiovascular risk",
        "NSAIDs, hypertension and renal function", "NSAIDs, specific drug list & adverse effects",
        "Occupational therapy (OT)", "Office visits", "Opioid hyperalgesia",
        "Opioids, cancer pain vs. nonmalignant pain", "Opioids, criteria for use",
        "Opioids, dealing with misuse & addiction", "Opioids, differentiation: dependence & addiction",
        "Opioids, dosing", "Opioids, indicators for addiction", "Opioids, long-term assessment",
        "Opioids, pain treatment agreement", "Opioids, psychological intervention",
        "Opioids, screening for risk of addiction (tests)", "Opioids, screening tests for risk of addiction & misuse",
        "Opioids, specific drug list", "Opioids, steps to avoid misuse/addiction",
        "Opioids, tools for risk stratification & monitoring", "Opioids for chronic pain",
        "Opioids for neuropathic pain", "Opioids for osteoarthritis", "Orphenadrine", "Oxycodone",
        "Pain outcomes and endpoints", "Percutaneous electrical nerve stimulation (PENS)", "Physical medicine",
        "Physical medicine treatment", "Proton Pump Inhibitors (PPIs)", "Psychological evaluations",
        "Psychological evaluations, IDDS & SCS (intrathecal drug delivery systems & spinal cord stimulators)",
        "Psychological treatment", "Salicylate topicals", "Spinal cord stimulators (SCS)", "Sympathetic therapy",
        "TENS, chronic pain (transcutaneous electrical nerve stimulation)",
        "TENS, post operative pain (transcutaneous electrical nerve stimulation)",
        "TENS, spasticity (transcutaneous electrical nerve stimulation)",
        "TENS for CRPS I (transcutaneous electrical nerve stimulation)",
        "Thermography (infrared stress thermography)", "Tizanidine (Zanaflex)", "Topical analgesics",
        "Tramadol (Ultram)", "Trigger point injections", "Ultrasound, diagnostic", "Ultrasound, therapeutic",
        "Weaning of medications", "Work conditioning, work hardening", "Ziconotide (Prialt)",
    ];

    // The Postsurgical Treatment Guidelines are organised by body region.
    private static readonly string[] PostsurgicalSections =
    [
        "Amputation", "Ankle & Foot", "Burns", "Complex Regional Pain Syndrome (CRPS)", "Elbow & Upper Arm",
        "Forearm, Wrist, & Hand", "Hip, Pelvis and Thigh (femur)", "Knee", "Leg", "Low Back",
        "Neck & Upper Back", "Shoulder",
    ];

    /// <summary>The parts of the MTUS.</summary>
    public static IReadOnlyList<MtusPart> Parts { get; } =
    [
        new("Chronic Pain Medical Treatment", null, ["Chronic Pain Treatment", "Chronic Pain Medical Treatment Guidelines"], [.. ChronicPainSections]),
        new("Neck and Upper Back Complaints", 8, [], [.. AcoemHeadings]),
        new("Shoulder Complaints", 9, [], [.. AcoemHeadings]),
        new("Elbow Complaints", 10, ["Elbow Disorders"], [.. AcoemHeadings, "Radial Head Fracture", "Lateral Epicondylalgia", "Medial Epicondylalgia", "Olecranon Bursitis", "Cubital Tunnel Syndrome"]),
        new("Forearm, Wrist, and Hand Complaints", 11, [], [.. AcoemHeadings]),
        new("Low Back Complaints", 12, [], [.. AcoemHeadings]),
        new("Knee Complaints", 13, [], [.. AcoemHeadings]),
        new("Ankle and Foot Complaints", 14, [], [.. AcoemHeadings]),
        new("Stress Related Conditions", 15, [], [.. AcoemHeadings]),
        new(GeneralApproaches, null, [], [.. GeneralApproachesChapters.Values]),
        new("Acupuncture Treatment", null, ["Acupuncture Medical Treatment"], []),
        new("Postsurgical Treatment", null, ["Postsurgical Medical Treatment"], [.. PostsurgicalSections]),
        // Its sections are numbered ("3.3.6 Opioids for Chronic Pain ..."), which the parser reads without a list.
        new("Opioid Treatment", null, ["Opioids Treatment"], []),
    ];

    /// <summary>The canonical spelling of a section of <paramref name="part"/>; null when the catalogue does not know it.</summary>
    public static string? CanonicalSection(MtusPart part, string section)
    {
        var key = LooseText.Key(section);
        return SectionKeys[part.Name].FirstOrDefault(known => LooseText.SameKey(known.Key, key)).Name;
    }

    // Keys computed once: the parser asks about every run of comma-separated pieces it meets.
    private static readonly Dictionary<string, (string Key, string Name)[]> SectionKeys =
        Parts.ToDictionary(p => p.Name, p => p.Sections.Select(s => (LooseText.Key(s), s)).ToArray());
}
