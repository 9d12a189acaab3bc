namespace Imr.Clinical;

/// <summary>Words the rules share: numbers written out, and the drugs of workers' compensation prescribing.</summary>
internal static class Lexicon
{
    /// <summary>Regex fragment: a number written as a word.</summary>
    public const string NumberWord =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
        + "eighteen|nineteen|twenty|twenty-four|thirty|thirty-six|forty|fifty|sixty|seventy|eighty|ninety|hundred";

    /// <summary>Regex fragment: a count, in digits or words.</summary>
    public const string Count = @"(?:\d{1,3}|" + NumberWord + ")";

    public static readonly Dictionary<string, double> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18,
        ["nineteen"] = 19, ["twenty"] = 20, ["twenty-four"] = 24, ["thirty"] = 30, ["thirty-six"] = 36, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100,
        ["a"] = 1, ["an"] = 1, ["once"] = 1, ["twice"] = 2, ["thrice"] = 3, ["single"] = 1, ["half"] = 0.5,
        ["one-half"] = 0.5, ["a couple of"] = 2, ["couple of"] = 2, ["a couple"] = 2, ["a few"] = 3, ["few"] = 3,
        ["several"] = 3,
    };

    /// <summary>
    /// Drug names (generic and brand) with their generic and class. General prescribing knowledge of the
    /// guidelines' drug chapters, not any letter's list.
    /// </summary>
    public static readonly Dictionary<string, (string? Generic, DrugClass Class)> Drugs = BuildDrugs();

    private static Dictionary<string, (string?, DrugClass)> BuildDrugs()
    {
        var d = new Dictionary<string, (string?, DrugClass)>(StringComparer.OrdinalIgnoreCase);
        void Add(DrugClass c, string generic, params string[] brands)
        {
            d.TryAdd(generic, (null, c));
            foreach (var b in brands) d.TryAdd(b, (generic, c));
        }
        // Opioids.
        Add(DrugClass.Opioid, "hydrocodone/acetaminophen", "Norco", "Vicodin", "Lortab", "Lorcet", "Xodol", "Hycet", "Zohydro", "Hysingla");
        Add(DrugClass.Opioid, "hydrocodone", "Hydrocodone");
        Add(DrugClass.Opioid, "oxycodone/acetaminophen", "Percocet", "Endocet", "Roxicet", "Xartemis", "Primlev");
        Add(DrugClass.Opioid, "oxycodone", "OxyContin", "Roxicodone", "Oxecta", "Xtampza", "Oxaydo");
        Add(DrugClass.Opioid, "tramadol", "Ultram", "ConZip", "Ryzolt");
        Add(DrugClass.Opioid, "tramadol/acetaminophen", "Ultracet");
        Add(DrugClass.Opioid, "tapentadol", "Nucynta");
        Add(DrugClass.Opioid, "morphine", "MS Contin", "MSContin", "Kadian", "Avinza", "Embeda", "MSIR");
        Add(DrugClass.Opioid, "hydromorphone", "Dilaudid", "Exalgo");
        Add(DrugClass.Opioid, "oxymorphone", "Opana");
        Add(DrugClass.Opioid, "fentanyl", "Duragesic", "Actiq", "Fentora", "Subsys");
        Add(DrugClass.Opioid, "methadone", "Dolophine");
        Add(DrugClass.Opioid, "buprenorphine", "Butrans", "Belbuca", "Subutex");
        Add(DrugClass.Opioid, "buprenorphine/naloxone", "Suboxone", "Zubsolv");
        Add(DrugClass.Opioid, "codeine");
        Add(DrugClass.Opioid, "acetaminophen/codeine", "Tylenol #3", "Tylenol #4", "Tylenol No. 3", "Tylenol No 3", "Tylenol No. 4",
            "Tylenol with codeine", "Tylenol-Codeine");
        Add(DrugClass.Opioid, "levorphanol");
        Add(DrugClass.Opioid, "meperidine", "Demerol");
        Add(DrugClass.Opioid, "pentazocine", "Talwin");
        Add(DrugClass.Opioid, "butorphanol");
        // Muscle relaxants.
        Add(DrugClass.MuscleRelaxant, "cyclobenzaprine", "Flexeril", "Fexmid", "Amrix");
        Add(DrugClass.MuscleRelaxant, "tizanidine", "Zanaflex");
        Add(DrugClass.MuscleRelaxant, "baclofen", "Lioresal", "Gablofen");
        Add(DrugClass.MuscleRelaxant, "carisoprodol", "Soma");
        Add(DrugClass.MuscleRelaxant, "methocarbamol", "Robaxin");
        Add(DrugClass.MuscleRelaxant, "metaxalone", "Skelaxin");
        Add(DrugClass.MuscleRelaxant, "orphenadrine", "Norflex");
        Add(DrugClass.MuscleRelaxant, "chlorzoxazone", "Parafon", "Lorzone");
        Add(DrugClass.MuscleRelaxant, "dantrolene", "Dantrium");
        // NSAIDs.
        Add(DrugClass.Nsaid, "ibuprofen", "Motrin", "Advil");
        Add(DrugClass.Nsaid, "ibuprofen/famotidine", "Duexis");
        Add(DrugClass.Nsaid, "naproxen", "Naprosyn", "Anaprox", "Aleve", "Naprelan", "EC-Naprosyn");
        Add(DrugClass.Nsaid, "naproxen/esomeprazole", "Vimovo");
        Add(DrugClass.Nsaid, "meloxicam", "Mobic", "Vivlodex");
        Add(DrugClass.Nsaid, "diclofenac", "Voltaren", "Arthrotec", "Zorvolex", "Cambia", "Zipsor");
        Add(DrugClass.Nsaid, "diclofenac epolamine", "Flector");
        Add(DrugClass.Nsaid, "diclofenac topical", "Pennsaid");
        Add(DrugClass.Nsaid, "etodolac", "Lodine");
        Add(DrugClass.Nsaid, "nabumetone", "Relafen");
        Add(DrugClass.Nsaid, "celecoxib", "Celebrex");
        Add(DrugClass.Nsaid, "ketoprofen");
        Add(DrugClass.Nsaid, "ketorolac", "Toradol", "Sprix");
        Add(DrugClass.Nsaid, "indomethacin", "Indocin");
        Add(DrugClass.Nsaid, "piroxicam", "Feldene");
        Add(DrugClass.Nsaid, "fenoprofen", "Nalfon");
        Add(DrugClass.Nsaid, "flurbiprofen", "Ansaid");
        Add(DrugClass.Nsaid, "oxaprozin", "Daypro");
        Add(DrugClass.Nsaid, "sulindac", "Clinoril");
        Add(DrugClass.Nsaid, "diflunisal", "Dolobid");
        Add(DrugClass.Nsaid, "salsalate");
        Add(DrugClass.Nsaid, "aspirin");
        // Acetaminophen.
        Add(DrugClass.Acetaminophen, "acetaminophen", "Tylenol", "APAP", "paracetamol");
        // Anticonvulsants used for neuropathic pain.
        Add(DrugClass.Anticonvulsant, "gabapentin", "Neurontin", "Gralise", "Horizant");
        Add(DrugClass.Anticonvulsant, "pregabalin", "Lyrica");
        Add(DrugClass.Anticonvulsant, "topiramate", "Topamax");
        Add(DrugClass.Anticonvulsant, "carbamazepine", "Tegretol");
        Add(DrugClass.Anticonvulsant, "oxcarbazepine", "Trileptal");
        Add(DrugClass.Anticonvulsant, "lamotrigine", "Lamictal");
        Add(DrugClass.Anticonvulsant, "levetiracetam", "Keppra");
        // Antidepressants.
        Add(DrugClass.Antidepressant, "duloxetine", "Cymbalta");
        Add(DrugClass.Antidepressant, "amitriptyline", "Elavil");
        Add(DrugClass.Antidepressant, "nortriptyline", "Pamelor");
        Add(DrugClass.Antidepressant, "venlafaxine", "Effexor");
        Add(DrugClass.Antidepressant, "sertraline", "Zoloft");
        Add(DrugClass.Antidepressant, "fluoxetine", "Prozac");
        Add(DrugClass.Antidepressant, "citalopram", "Celexa");
        Add(DrugClass.Antidepressant, "escitalopram", "Lexapro");
        Add(DrugClass.Antidepressant, "paroxetine", "Paxil");
        Add(DrugClass.Antidepressant, "bupropion", "Wellbutrin");
        Add(DrugClass.Antidepressant, "trazodone", "Desyrel");
        Add(DrugClass.Antidepressant, "mirtazapine", "Remeron");
        Add(DrugClass.Antidepressant, "desipramine", "Norpramin");
        Add(DrugClass.Antidepressant, "doxepin", "Silenor");
        Add(DrugClass.Antidepressant, "milnacipran", "Savella");
        // Benzodiazepines and hypnotics.
        Add(DrugClass.Benzodiazepine, "diazepam", "Valium");
        Add(DrugClass.Benzodiazepine, "alprazolam", "Xanax");
        Add(DrugClass.Benzodiazepine, "clonazepam", "Klonopin");
        Add(DrugClass.Benzodiazepine, "lorazepam", "Ativan");
        Add(DrugClass.Benzodiazepine, "temazepam", "Restoril");
        Add(DrugClass.Hypnotic, "zolpidem", "Ambien");
        Add(DrugClass.Hypnotic, "eszopiclone", "Lunesta");
        Add(DrugClass.Hypnotic, "zaleplon", "Sonata");
        Add(DrugClass.Hypnotic, "suvorexant", "Belsomra");
        Add(DrugClass.Hypnotic, "ramelteon", "Rozerem");
        Add(DrugClass.Hypnotic, "melatonin");
        // Stomach protection.
        Add(DrugClass.GastricProtectant, "omeprazole", "Prilosec");
        Add(DrugClass.GastricProtectant, "pantoprazole", "Protonix");
        Add(DrugClass.GastricProtectant, "esomeprazole", "Nexium");
        Add(DrugClass.GastricProtectant, "lansoprazole", "Prevacid");
        Add(DrugClass.GastricProtectant, "rabeprazole", "Aciphex");
        Add(DrugClass.GastricProtectant, "dexlansoprazole", "Dexilant");
        Add(DrugClass.GastricProtectant, "ranitidine", "Zantac");
        Add(DrugClass.GastricProtectant, "famotidine", "Pepcid");
        Add(DrugClass.GastricProtectant, "misoprostol", "Cytotec");
        Add(DrugClass.GastricProtectant, "sucralfate", "Carafate");
        // Topicals.
        Add(DrugClass.TopicalAnalgesic, "lidocaine", "Lidoderm", "Xylocaine");
        Add(DrugClass.TopicalAnalgesic, "capsaicin", "Zostrix", "Qutenza");
        Add(DrugClass.TopicalAnalgesic, "menthol");
        Add(DrugClass.TopicalAnalgesic, "methyl salicylate/menthol", "Terocin", "Medrox", "Menthoderm", "Dendracin", "Biofreeze", "Lidopro", "Ben-Gay", "Bengay");
        Add(DrugClass.TopicalAnalgesic, "camphor");
        // Corticosteroids.
        Add(DrugClass.Corticosteroid, "prednisone", "Deltasone");
        Add(DrugClass.Corticosteroid, "methylprednisolone", "Medrol", "Depo-Medrol", "Solu-Medrol");
        Add(DrugClass.Corticosteroid, "dexamethasone", "Decadron");
        Add(DrugClass.Corticosteroid, "triamcinolone", "Kenalog");
        Add(DrugClass.Corticosteroid, "prednisolone");
        // Headache.
        Add(DrugClass.Triptan, "sumatriptan", "Imitrex");
        Add(DrugClass.Triptan, "rizatriptan", "Maxalt");
        Add(DrugClass.Triptan, "zolmitriptan", "Zomig");
        Add(DrugClass.Triptan, "eletriptan", "Relpax");
        Add(DrugClass.Other, "butalbital/acetaminophen/caffeine", "Fioricet", "Esgic");
        Add(DrugClass.Other, "butalbital/aspirin/caffeine", "Fiorinal");
        Add(DrugClass.Other, "onabotulinumtoxinA", "Botox", "botulinum");
        // Nausea and constipation.
        Add(DrugClass.Antiemetic, "ondansetron", "Zofran");
        Add(DrugClass.Antiemetic, "promethazine", "Phenergan");
        Add(DrugClass.Antiemetic, "metoclopramide", "Reglan");
        Add(DrugClass.Antiemetic, "prochlorperazine", "Compazine");
        Add(DrugClass.Laxative, "docusate", "Colace");
        Add(DrugClass.Laxative, "sennosides", "Senokot", "senna");
        Add(DrugClass.Laxative, "polyethylene glycol", "MiraLAX");
        Add(DrugClass.Laxative, "lactulose");
        Add(DrugClass.Laxative, "bisacodyl", "Dulcolax");
        Add(DrugClass.Laxative, "naloxegol", "Movantik");
        Add(DrugClass.Laxative, "lubiprostone", "Amitiza");
        Add(DrugClass.Laxative, "methylnaltrexone", "Relistor");
        // Others met in workers' compensation requests.
        Add(DrugClass.Other, "naloxone", "Narcan");
        Add(DrugClass.Other, "naltrexone");
        Add(DrugClass.Other, "hydroxyzine", "Vistaril", "Atarax");
        Add(DrugClass.Other, "cyclobenzaprine/lidocaine");
        Add(DrugClass.Other, "propranolol", "Inderal");
        Add(DrugClass.Other, "atenolol", "Tenormin");
        Add(DrugClass.Other, "clonidine", "Catapres");
        Add(DrugClass.Other, "methotrexate");
        Add(DrugClass.Other, "amoxicillin");
        Add(DrugClass.Other, "cephalexin", "Keflex");
        Add(DrugClass.Other, "dextromethorphan");
        Add(DrugClass.Other, "bupivacaine", "Marcaine");
        Add(DrugClass.Other, "sildenafil", "Viagra");
        Add(DrugClass.Other, "tadalafil", "Cialis");
        Add(DrugClass.Other, "metformin");
        Add(DrugClass.Other, "lisinopril");
        Add(DrugClass.Other, "armodafinil", "Nuvigil");
        Add(DrugClass.Other, "modafinil", "Provigil");
        Add(DrugClass.Other, "quetiapine", "Seroquel");
        Add(DrugClass.Other, "aripiprazole", "Abilify");
        Add(DrugClass.Other, "Theramine");
        Add(DrugClass.Other, "Sentra");
        Add(DrugClass.Other, "glucosamine");
        Add(DrugClass.Other, "Synvisc");
        return d;
    }

    /// <summary>The first word of every drug name: a token that is none of these starts no name.</summary>
    public static readonly HashSet<string> DrugFirstWords = new(
        Drugs.Keys.Select(k => k[..TextSplitter.Tokenize(k)[0].Length]), StringComparer.OrdinalIgnoreCase);

    /// <summary>Longest drug name in tokens ("MS Contin", "Tylenol No. 3").</summary>
    public const int MaxDrugTokens = 4;
}
