using Imr.Letters.Model;
using Imr.Treatments;

namespace Imr.Tests.Treatments;

/// <summary>
/// Treatment texts as physicians write requests for authorization, one per category and phrasing,
/// with the category a utilization reviewer would file them under.
/// </summary>
public sealed class TreatmentClassifierTests
{
    [Theory]
    // Opioids, including brand names, combinations and transdermal opioids.
    [InlineData("Norco 10/325mg #90", "opioids")]
    [InlineData("Hydrocodone/APAP 10/325 mg #120", "opioids")]
    [InlineData("Percocet 5/325 one tablet every 6 hours as needed #60", "opioids")]
    [InlineData("OxyContin 20mg ER #60", "opioids")]
    [InlineData("Tylenol #3 #60", "opioids")]
    [InlineData("Acetaminophen with codeine 300/30mg #60", "opioids")]
    [InlineData("MS Contin 15mg twice daily #60", "opioids")]
    [InlineData("Fentanyl 25mcg/hr transdermal patch #10", "opioids")]
    [InlineData("Butrans 10mcg/hr patch #4", "opioids")]
    [InlineData("Nucynta ER 100mg #60", "opioids")]
    [InlineData("Tramadol ER 150mg #30", "opioids")]
    [InlineData("Suboxone 8/2mg sublingual film #30", "opioids")]
    [InlineData("Post-op Norco 10/325mg #60", "opioids")]
    // Muscle relaxants, NSAIDs, GI protection.
    [InlineData("Soma 350mg #90", "muscle-relaxants")]
    [InlineData("Zanaflex 4mg #60", "muscle-relaxants")]
    [InlineData("Fexmid 7.5mg #60", "muscle-relaxants")]
    [InlineData("Orphenadrine ER 100mg #60", "muscle-relaxants")]
    [InlineData("Anaprox DS 550mg #60", "nsaids")]
    [InlineData("Mobic 15mg daily #30", "nsaids")]
    [InlineData("Voltaren XR 100mg #30", "nsaids")]
    [InlineData("Duexis 800/26.6mg #90", "nsaids")]
    [InlineData("Protonix 20mg #60", "gi-protection")]
    [InlineData("Omeprazole DR 20mg", "gi-protection")]
    [InlineData("Ranitidine 150mg #60", "gi-protection")]
    // Topical and compounded: the vehicle beats the ingredients' classes.
    [InlineData("Lidoderm 5% patch #30", "topical-analgesics")]
    [InlineData("Terocin patches #30", "topical-analgesics")]
    [InlineData("Flurbiprofen 20%/Lidocaine 5% cream 180gm", "topical-analgesics")]
    [InlineData("Ketoprofen 10%/Gabapentin 6%/Lidocaine 5% compound cream", "topical-analgesics")]
    [InlineData("Voltaren 1% gel 100gm", "topical-analgesics")]
    [InlineData("Capsaicin 0.075% cream", "topical-analgesics")]
    // Antidepressants, anticonvulsants, sleep aids, benzodiazepines, other medications.
    [InlineData("Cymbalta 60mg #30", "antidepressants")]
    [InlineData("Trazodone 100mg #30", "antidepressants")]
    [InlineData("Trazodone 50mg for sleep #30", "sleep-aids")]
    [InlineData("Amitriptyline 10mg at bedtime for insomnia", "sleep-aids")]
    [InlineData("Gabapentin 600mg #90", "anticonvulsants")]
    [InlineData("Lyrica 75mg twice daily", "anticonvulsants")]
    [InlineData("Ambien 10mg #30", "sleep-aids")]
    [InlineData("Temazepam 15mg", "sleep-aids")]
    [InlineData("Xanax 0.5mg #30", "benzodiazepines")]
    [InlineData("Klonopin 1mg #60", "benzodiazepines")]
    [InlineData("Zofran ODT 8mg #20", "other-medications")]
    [InlineData("Imitrex 50mg #9", "other-medications")]
    [InlineData("Medrol Dosepak", "other-medications")]
    [InlineData("Theramine #120", "other-medications")]
    [InlineData("Foobarazine 10mg #30", "other-medications")]
    // Physical medicine.
    [InlineData("Physical therapy 2x4 for the right shoulder", "physical-therapy")]
    [InlineData("Aquatic therapy x 12 sessions for the lumbar spine", "physical-therapy")]
    [InlineData("OT 2x3 right wrist", "physical-therapy")]
    [InlineData("Post-operative physical therapy 12 sessions for the left knee", "physical-therapy")]
    [InlineData("Massage therapy 6 sessions", "physical-therapy")]
    [InlineData("Extracorporeal shockwave therapy, right heel", "physical-therapy")]
    [InlineData("Chiropractic manipulation 6 visits", "chiropractic")]
    [InlineData("Osteopathic manipulative treatment x 6", "chiropractic")]
    [InlineData("Acupuncture 2x3 for the lumbar spine", "acupuncture")]
    [InlineData("Electro-acupuncture with infrared heat", "acupuncture")]
    // Diagnostics.
    [InlineData("MRI of the lumbar spine without contrast", "imaging")]
    [InlineData("Radiographs of the right wrist", "imaging")]
    [InlineData("Post-operative x-rays of the right ankle", "imaging")]
    [InlineData("Open MRI under general anesthesia", "imaging")]
    [InlineData("EMG/NCV of the bilateral upper extremities", "electrodiagnostics")]
    [InlineData("Nerve conduction velocity studies of the bilateral lower extremities", "electrodiagnostics")]
    [InlineData("Urine drug screen", "laboratory")]
    [InlineData("Urine toxicology screen for opiates", "laboratory")]
    [InlineData("Genetic testing for opioid risk", "laboratory")]
    [InlineData("Functional capacity evaluation", "other-diagnostics")]
    [InlineData("Polysomnography", "other-diagnostics")]
    // Injections by kind.
    [InlineData("Lumbar epidural steroid injection L4-5", "epidural-injections")]
    [InlineData("Right L5-S1 transforaminal epidural steroid injection under fluoroscopic guidance", "epidural-injections")]
    [InlineData("Selective nerve root block right L5", "epidural-injections")]
    [InlineData("Bilateral L4-5 and L5-S1 facet injections", "facet-injections")]
    [InlineData("Diagnostic medial branch blocks L4-5 and L5-S1 bilaterally", "facet-injections")]
    [InlineData("Radiofrequency ablation bilateral L3-L5 medial branches", "radiofrequency-ablation")]
    [InlineData("Facet rhizotomy C5-6 and C6-7", "radiofrequency-ablation")]
    [InlineData("Trigger point injections x4 to the trapezius", "trigger-point-injections")]
    [InlineData("Cortisone injection to the right shoulder", "joint-injections")]
    [InlineData("Synvisc-One injection to the left knee", "joint-injections")]
    [InlineData("Right knee injection under ultrasound guidance", "joint-injections")]
    [InlineData("PRP injection to the right lateral epicondyle", "joint-injections")]
    [InlineData("Botox 100 units for chronic migraine", "botulinum-toxin")]
    [InlineData("Stellate ganglion block", "other-injections")]
    // Surgery and its adjuncts.
    [InlineData("Right shoulder arthroscopy with subacromial decompression", "surgery")]
    [InlineData("L5-S1 fusion with 2 day inpatient stay", "surgery")]
    [InlineData("Right carpal tunnel release", "surgery")]
    [InlineData("Total knee arthroplasty, left", "surgery")]
    [InlineData("Right thumb tenosynovectomy", "surgery")]
    [InlineData("Spinal cord stimulator trial", "surgery")]
    [InlineData("Pre-operative clearance with internist", "surgical-adjuncts")]
    [InlineData("Pre-op labs: CBC, CMP, PT/INR", "surgical-adjuncts")]
    [InlineData("Pre-operative chest x-ray", "surgical-adjuncts")]
    [InlineData("Post-operative cold therapy unit, 7 day rental", "surgical-adjuncts")]
    [InlineData("Assistant surgeon", "surgical-adjuncts")]
    [InlineData("3 day inpatient stay", "surgical-adjuncts")]
    // Equipment.
    [InlineData("Hinged knee brace", "durable-medical-equipment")]
    [InlineData("TENS unit 30 day trial", "durable-medical-equipment")]
    [InlineData("TENS unit supplies: electrodes and batteries", "durable-medical-equipment")]
    [InlineData("H-wave device purchase", "durable-medical-equipment")]
    [InlineData("Electrical muscle stimulation unit for home use", "durable-medical-equipment")]
    [InlineData("Front wheeled walker", "durable-medical-equipment")]
    [InlineData("Continuous passive motion (CPM) machine 21 day rental", "durable-medical-equipment")]
    // Psychological care, programs, services.
    [InlineData("Cognitive behavioral therapy x 6 sessions", "psychological-care")]
    [InlineData("Psychiatric consultation", "psychological-care")]
    [InlineData("Biofeedback 6 sessions", "psychological-care")]
    [InlineData("Functional restoration program x 10 days", "programs")]
    [InlineData("Work hardening 10 sessions", "programs")]
    [InlineData("Outpatient opioid detoxification", "programs")]
    [InlineData("Spine surgery consultation", "consultations")]
    [InlineData("Referral to pain management", "consultations")]
    [InlineData("Follow-up visit in 4 weeks", "consultations")]
    [InlineData("Home health aide 4 hours a day, 5 days a week", "home-health")]
    [InlineData("Skilled nursing facility stay for 2 weeks", "home-health")]
    [InlineData("Taxi to and from physical therapy", "transportation")]
    [InlineData("Hyperbaric oxygen therapy", "other")]
    public void Classifies_treatment_text(string treatment, string category)
    {
        var result = TreatmentClassifier.Classify(treatment);
        Assert.True(result.Category.Id == category, $"\"{treatment}\": expected {category}, got {result}");
    }

    /// <summary>Harder phrasings: modifiers after "with"/"under", strengths in percent, devices for
    /// home use, brand names, abbreviations.</summary>
    [Theory]
    [InlineData("Flexion and extension views of the cervical spine", "imaging")]
    [InlineData("Lumbar spine MRI w/o contrast", "imaging")]
    [InlineData("Lower extremity venous doppler", "imaging")]
    [InlineData("Home paraffin unit", "durable-medical-equipment")]
    [InlineData("RS-4i sequential stimulator", "durable-medical-equipment")]
    [InlineData("Muscle stim unit", "durable-medical-equipment")]
    [InlineData("Functional capacity evaluation with work simulation", "other-diagnostics")]
    [InlineData("Greater trochanteric bursa injection", "joint-injections")]
    [InlineData("Bilateral sacroiliac joint injections under fluoroscopy", "joint-injections")]
    [InlineData("Epidural blood patch", "epidural-injections")]
    [InlineData("Intra-articular facet injections C5-6", "facet-injections")]
    [InlineData("Genicular nerve radiofrequency ablation", "radiofrequency-ablation")]
    [InlineData("Trigger point dry needling", "physical-therapy")]
    [InlineData("Peripheral nerve stimulator implantation", "surgery")]
    [InlineData("Intrathecal morphine trial", "other-injections")]
    [InlineData("Post-operative pain pump", "surgical-adjuncts")]
    [InlineData("Pre-operative psychological evaluation", "psychological-care")]
    [InlineData("Post-op home health nursing", "home-health")]
    [InlineData("Home health physical therapy 2x4", "physical-therapy")]
    [InlineData("Tramadol 50mg with urine drug screen", "opioids")]
    [InlineData("Blood test for NSAID toxicity", "laboratory")]
    [InlineData("Gabacyclotram 180gm", "topical-analgesics")]
    [InlineData("Tramadol 8%/Gabapentin 10% cream 240gm", "topical-analgesics")]
    [InlineData("Diclofenac 1.5% solution", "topical-analgesics")]
    [InlineData("Senokot-S #60", "other-medications")]
    [InlineData("Sentra PM #60", "sleep-aids")]
    [InlineData("Buspirone 10mg", "benzodiazepines")]
    [InlineData("Psychology referral", "psychological-care")]
    [InlineData("Initial pain management evaluation and treatment", "consultations")]
    [InlineData("Electrical nerve stimulator unit", "durable-medical-equipment")]
    [InlineData("Carpal tunnel injection", "joint-injections")]
    [InlineData("Medical clearance with labs and EKG", "surgical-adjuncts")]
    [InlineData("Mileage reimbursement", "transportation")]
    [InlineData("Dental treatment", "other")]
    public void Classifies_harder_phrasings(string treatment, string category) => Classifies_treatment_text(treatment, category);

    [Theory]
    [InlineData("MRI of the lumbar spine without contrast", "mri", "lumbar")]
    [InlineData("Cervical spine MRI", "mri", "cervical")]
    [InlineData("CT scan of the head", "ct", "head")]
    [InlineData("X-rays of the left shoulder, 2 views", "x-ray", "shoulder")]
    [InlineData("Xray right knee", "x-ray", "knee")]
    [InlineData("Diagnostic ultrasound of the right wrist", "ultrasound", "wrist-hand")]
    [InlineData("Whole body bone scan", "bone-scan", null)]
    [InlineData("MR arthrogram of the left hip", "arthrogram", "hip")]
    [InlineData("Magnetic resonance imaging (MRI) of the right ankle", "mri", "ankle-foot")]
    [InlineData("MRI of the thoracic spine", "mri", "thoracic")]
    [InlineData("Chest x-ray", "x-ray", "chest")]
    [InlineData("MRI of the right elbow", "mri", "elbow")]
    public void Imaging_has_a_modality_and_a_region(string treatment, string modality, string? region)
    {
        var result = TreatmentClassifier.Classify(treatment);
        Assert.Equal("imaging", result.Category.Id);
        Assert.Equal(modality, result.Modality?.Id);
        Assert.Equal(region, result.BodyRegion?.Id);
    }

    [Fact]
    public void Only_imaging_has_a_modality()
    {
        Assert.Null(TreatmentClassifier.Classify("Botox 200 units with ultrasound").Modality);
        Assert.Null(TreatmentClassifier.Classify("Ultrasound therapy 6 sessions").Modality);
    }

    [Theory]
    [InlineData("MRI of the cervical and thoracic spine", new[] { "cervical", "thoracic" })]
    [InlineData("Physical therapy for the low back and neck", new[] { "lumbar", "cervical" })]
    [InlineData("EMG/NCS RUE and LUE", new[] { "upper-extremity" })]
    [InlineData("Right L4-5 and L5-S1 facet injections", new[] { "lumbar" })]
    [InlineData("Spinal manipulation", new[] { "spine" })]
    [InlineData("Chiropractic to the lumbar spine", new[] { "lumbar" })]
    [InlineData("Norco 10/325mg #90", new string[0])]
    public void Body_regions_are_detected_in_text_order(string text, string[] regions)
    {
        Assert.Equal(regions, TreatmentClassifier.DetectBodyRegions(text).Select(r => r.Id));
        Assert.Equal(regions, TreatmentClassifier.Classify(text).BodyRegions.Select(r => r.Id));
    }

    [Fact]
    public void The_matched_term_and_text_say_why()
    {
        var result = TreatmentClassifier.Classify("Retrospective Lidoderm 5% patches #30");
        Assert.Equal("topical-analgesics", result.Category.Id);
        Assert.Equal("Lidoderm", result.MatchedTerm);
        Assert.Equal("Lidoderm", result.MatchedText);

        var plural = TreatmentClassifier.Classify("Facet joint injections L4-5");
        Assert.Equal("facet joint injection", plural.MatchedTerm);
        Assert.Equal("Facet joint injections", plural.MatchedText);
    }

    [Fact]
    public void A_context_that_changes_the_category_is_named()
    {
        var result = TreatmentClassifier.Classify("Associated surgical service: cold therapy unit");
        Assert.Equal("surgical-adjuncts", result.Category.Id);
        Assert.Equal("cold therapy unit", result.MatchedTerm);
        Assert.Equal("pre-operative: \"Associated surgical service\"", result.Rule);

        var knee = TreatmentClassifier.Classify("Injection to the left knee");
        Assert.Equal("joint-injections", knee.Category.Id);
        Assert.Equal("injection-into-a-joint", knee.Rule);
    }

    [Fact]
    public void A_modified_request_is_classified_by_its_eligible_portion()
    {
        const string text = "Acute inpatient rehabilitation 10 days is authorized by the Claims Administrator. The remaining " +
                            "IMR eligible portion of the original request, Chiropractic physiotherapy treatment 6 visits is";
        var result = TreatmentClassifier.Classify(text);
        Assert.Equal("chiropractic", result.Category.Id);
        Assert.Equal("Chiropractic physiotherapy", result.MatchedText);
    }

    [Fact]
    public void Words_split_by_text_extraction_are_joined()
    {
        Assert.Equal("radiofrequency-ablation", TreatmentClassifier.Classify("Cervical radiofrequenc y neurotomy").Category.Id);
        Assert.Equal("epidural-injections", TreatmentClassifier.Classify("Lumbar epi- dural at L4-5").Category.Id);
    }

    [Fact]
    public void Matching_is_by_whole_words()
    {
        // "tens" (TENS unit) must not match inside "tendon", nor "ice" inside "device"/"office".
        Assert.Equal("other", TreatmentClassifier.Classify("Tendon").Category.Id);
        Assert.Equal("consultations", TreatmentClassifier.Classify("Office visit").Category.Id);
        Assert.Equal("consultations", TreatmentClassifier.Classify("Ten visits").Category.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#90, 2x4 (12)")]
    [InlineData("Unspecified request")]
    public void Texts_naming_no_treatment_are_other(string text)
    {
        var result = TreatmentClassifier.Classify(text);
        Assert.Equal("other", result.Category.Id);
        Assert.Null(result.MatchedTerm);
    }

    [Fact]
    public void Long_texts_are_classified()
    {
        var text = string.Concat(Enumerable.Repeat("left and right, ", 200)) + "Norco 10/325mg #90";
        Assert.Equal("opioids", TreatmentClassifier.Classify(text).Category.Id);
    }

    [Fact]
    public void Classification_is_deterministic_and_thread_safe()
    {
        string[] texts = ["Norco 10/325mg #90", "MRI of the lumbar spine", "Post-op cold therapy unit", "Ketoprofen 20% cream"];
        var expected = texts.Select(TreatmentClassifier.Classify).ToArray();
        Parallel.For(0, 2_000, i =>
        {
            var k = i % texts.Length;
            Assert.Equal(expected[k], TreatmentClassifier.Classify(texts[k]));
        });
    }

    [Fact]
    public void An_item_is_classified_by_its_treatment()
    {
        var item = new DeterminationItem("Lumbar ESI L4-5", Decision.Upheld, "", "", "");
        Assert.Equal("epidural-injections", TreatmentClassifier.Classify(item).Category.Id);
    }
}
