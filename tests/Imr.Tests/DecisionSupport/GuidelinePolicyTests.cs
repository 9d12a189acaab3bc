using Imr.DecisionSupport;
using Imr.DecisionSupport.Knowledge;
using Imr.DecisionSupport.Knowledge.Policies;
using Imr.Letters.Citations;
using Imr.Letters.Model;
using static Imr.Tests.DecisionSupport.Drafts;

namespace Imr.Tests.DecisionSupport;

/// <summary>
/// The policies added for the categories of the issue, the citations by body region and phase, and the case-level
/// reasoning (dependent requests, review sentences), each with synthetic phrases.
/// </summary>
public sealed class GuidelinePolicyTests
{
    private static IReadOnlyList<DraftItem> DraftCase(string summary, params string[] treatments) =>
        DraftEngine.Draft(new CaseFile { CaseSummary = summary, Items = [.. treatments.Select(t => new CaseFileItem(t))] }).Items;

    private static IEnumerable<MtusCitation> Mtus(DraftItem item) => item.Citations.OfType<MtusCitation>();

    [Fact]
    public void Chronic_opioids_cite_the_maintenance_subsection_of_the_opioid_guidelines_and_need_function()
    {
        var item = Draft("The patient has taken Norco 10/325 mg for two years for low back pain. Urine drug screen was consistent.", "Norco 10/325mg #120",
            new DateOnly(2014, 1, 1), new DateOnly(2016, 12, 1));
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal(CriterionStatus.NotDocumented, Status(item, "opioids.function"));
        var opioid = Mtus(item).First();
        Assert.Equal("Opioid Treatment", opioid.Guideline);
        Assert.Equal(["3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment"], opioid.Sections);
    }

    [Fact]
    public void Opioids_for_a_severe_acute_injury_are_supported_short_term()
    {
        var item = Draft("The patient sustained multiple rib fractures in a fall two weeks ago and has severe chest wall pain.", "Oxycodone 5mg #30",
            new DateOnly(2016, 11, 1), new DateOnly(2016, 11, 15));
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.Equal(["1.3 Opioids for Acute Pain: Severe Acute Injuries"], Mtus(item).First().Sections);

        var chronic = Draft("The patient sustained multiple rib fractures in a fall and has severe chest wall pain.", "Oxycodone 5mg #30",
            new DateOnly(2015, 1, 1), new DateOnly(2016, 11, 15));
        Assert.Equal(Decision.Upheld, chronic.Decision);
    }

    [Fact]
    public void A_repeat_neurotomy_after_lasting_relief_is_overturned_and_three_levels_are_not()
    {
        const string summary = "The examination shows pain over the cervical facets with extension and rotation. The patient had a cervical radiofrequency neurotomy in 2012 with 80% relief for two years.";
        var repeat = Draft(summary, "Radiofrequency ablation at C3-4 and C4-5");
        Assert.Equal("radiofrequency-ablation", repeat.Policy);
        Assert.Equal(Decision.Overturned, repeat.Decision);
        Assert.Equal("Neck and Upper Back Complaints", Mtus(repeat).First().Guideline);

        var threeLevels = Draft(summary, "Radiofrequency ablation at C3-4, C4-5 and C5-6");
        Assert.Equal(Decision.Upheld, threeLevels.Decision);
        Assert.Equal(CriterionStatus.NotMet, Status(threeLevels, "radiofrequency-ablation.levels"));

        var noBlock = Draft("The patient has axial low back pain with facet tenderness.", "Radiofrequency ablation at L4-5");
        Assert.Equal(CriterionStatus.NotDocumented, Status(noBlock, "radiofrequency-ablation.diagnosis-established"));
    }

    [Theory]
    [InlineData("Cervical facet injection at C2-3, 3-4 and 4-5", 3)]
    [InlineData("Medial branch blocks at L4-5 and L5-S1", 2)]
    [InlineData("Bilateral C3 and C4 radiofrequency ablation", 2)]
    [InlineData("Lumbar facet injection", null)]
    public void Levels_are_counted_from_the_request(string treatment, int? levels) =>
        Assert.Equal(levels, FacetInjections.Levels(treatment));

    [Fact]
    public void Nerve_conduction_of_the_legs_for_radiculopathy_is_not_recommended()
    {
        var item = Draft("The patient has low back pain radiating to the left leg with numbness. Pain persists despite physical therapy.", "NCV of the bilateral lower extremities");
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.Equal(CriterionStatus.NotMet, Status(item, "electrodiagnostics.indication"));
    }

    [Fact]
    public void Nerve_conduction_for_suspected_carpal_tunnel_is_overturned_and_cites_the_hand_chapter()
    {
        var item = Draft("The patient has numbness and tingling in the right hand. Examination shows a positive Tinel's sign at the wrist. The diagnoses include right carpal tunnel syndrome.", "EMG/NCS of the right upper extremity");
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.Contains(Mtus(item), m => m.Guideline == "Forearm, Wrist, and Hand Complaints");

        var improving = Draft("The patient has numbness and tingling in the right hand. Examination shows a positive Tinel's sign at the wrist. Physical therapy helped.", "EMG/NCS of the right upper extremity");
        Assert.Equal(Decision.Upheld, improving.Decision);
    }

    [Fact]
    public void A_fracture_elsewhere_is_no_red_flag_for_the_spine()
    {
        var wrist = Draft("The diagnoses include neck pain, and a fracture of the right wrist.", "MRI of the cervical spine");
        Assert.NotEqual(CriterionStatus.Met, Status(wrist, "imaging-cervical.indication"));

        // In the same clause as the spine, the fracture is of the body part named with it.
        var arm = Draft("Diagnoses include strain of the thoracic spine and right radius fracture. The neck is tender without spasm.", "MRI of the cervical spine");
        Assert.NotEqual(CriterionStatus.Met, Status(arm, "imaging-cervical.indication"));

        var spine = Draft("The patient has an acute compression fracture of the L1 vertebra.", "MRI of the lumbar spine");
        Assert.Equal(CriterionStatus.Met, Status(spine, "imaging-lumbar.indication"));
        Assert.Equal(Decision.Overturned, spine.Decision);
    }

    [Fact]
    public void Thoracic_imaging_cites_the_neck_and_upper_back_chapter()
    {
        var item = Draft("The patient has mid back pain.", "MRI of the thoracic spine");
        Assert.Equal("imaging-cervical", item.Policy);
        Assert.Equal("Neck and Upper Back Complaints", Mtus(item).Single().Guideline);
    }

    [Fact]
    public void What_utilization_review_said_is_not_evidence()
    {
        const string summary = "The patient has low back pain with decreased sensation in the left L5 dermatome. The utilization review denied the request because of failed conservative care not being documented.";
        var masked = ReviewSentences.Mask(summary);
        Assert.Equal(summary.Length, masked.Length);
        Assert.DoesNotContain("conservative", masked);
        Assert.Contains("decreased sensation", masked);
        var item = Draft(summary, "MRI of the lumbar spine");
        Assert.NotEqual(CriterionStatus.Met, Status(item, "imaging-lumbar.failed-conservative-care"));
    }

    [Theory]
    [InlineData("Post-operative physical therapy after right carpal tunnel release, 4 sessions", true)]
    [InlineData("Post-operative physical therapy after right carpal tunnel release, 8 sessions", false)]
    [InlineData("Post-op physical therapy for the left knee after partial meniscectomy, 12 sessions", false)]
    [InlineData("Post-op physical therapy for the left knee after partial meniscectomy, 6 sessions", true)]
    [InlineData("Post-operative physical therapy after L4-5 interbody fusion, 16 sessions", true)]
    [InlineData("Post-operative physical therapy after L4-5 interbody fusion, 18 sessions", false)]
    [InlineData("Post-operative physical therapy for the right shoulder, 12 sessions", true)]
    public void Post_operative_therapy_is_within_the_initial_course_of_the_procedure(string treatment, bool within) =>
        Assert.Equal(within ? CriterionStatus.Met : CriterionStatus.NotMet,
            Status(Draft("The patient is recovering from surgery.", treatment), "physical-therapy.within-guideline-visits"));

    [Fact]
    public void Post_operative_therapy_reads_the_procedure_from_the_record_when_the_request_does_not_name_it() =>
        Assert.Equal(CriterionStatus.NotMet, Status(Draft("She underwent a right carpal tunnel release on 10/2/2016 and has stiffness of the fingers.",
            "Post-operative occupational therapy for the right wrist, 6 sessions"), "physical-therapy.within-guideline-visits"));

    [Fact]
    public void Associated_services_follow_the_surgery_of_the_same_case()
    {
        const string summary = "The 60-year-old patient has hypertension and right shoulder pain with no imaging on file.";
        var items = DraftCase(summary, "Right shoulder arthroscopy with rotator cuff repair", "Pre-operative CBC", "Post-op physical therapy 2 times a week for 4 weeks");
        Assert.Equal(Decision.Upheld, items[0].Decision);
        Assert.Equal(Decision.Upheld, items[1].Decision);
        Assert.Equal(CriterionStatus.NotMet, Status(items[1], "surgical-adjuncts.surgery-authorized"));
        Assert.Equal(CriterionStatus.NotMet, Status(items[2], "physical-therapy.surgery-necessary"));
    }

    [Fact]
    public void A_full_thickness_cuff_tear_with_weakness_warrants_repair_and_its_tests()
    {
        const string summary = "The 58-year-old patient has right shoulder pain and weakness of abduction, strength 4/5. MRI of the right shoulder revealed a full thickness tear of the supraspinatus tendon. Positive drop arm test.";
        var items = DraftCase(summary, "Right shoulder arthroscopy with rotator cuff repair", "Pre-operative CBC", "Pre-operative PT/PTT");
        Assert.Equal(Decision.Overturned, items[0].Decision);
        Assert.Equal("Shoulder Complaints", Mtus(items[0]).Single().Guideline);
        Assert.Equal(["Surgical Considerations"], Mtus(items[0]).Single().Sections);
        Assert.StartsWith("The MTUS Shoulder Complaints Guidelines", items[0].Rationale, StringComparison.Ordinal);
        Assert.Equal(Decision.Overturned, items[1].Decision);
        Assert.Equal(Decision.Upheld, items[2].Decision); // coagulation studies need anticoagulant use or a bleeding disorder
    }

    [Fact]
    public void Gastro_protection_follows_the_nsaid_of_the_same_case()
    {
        var items = DraftCase("The patient takes naproxen 550 mg twice daily without documented relief or improvement in function and reports gastritis.", "Naproxen 550mg #60", "Omeprazole 20mg #60");
        Assert.Equal(Decision.Upheld, items[0].Decision);
        Assert.Equal(Decision.Upheld, items[1].Decision);
        Assert.Equal(CriterionStatus.NotMet, Status(items[1], "gi-protection.nsaid-use"));
        Assert.Equal(["NSAIDs, GI symptoms & cardiovascular risk", "Proton Pump Inhibitors (PPIs)"], Mtus(items[1]).Single().Sections);
    }

    [Fact]
    public void A_first_nsaid_prescription_is_supported_and_a_selective_one_needs_gi_risk()
    {
        var first = Draft("The patient has neck pain after lifting. Naproxen was prescribed at this visit.", "Naproxen 500mg #60");
        Assert.Equal("nsaids", first.Policy);
        Assert.Equal(Decision.Overturned, first.Decision);

        var unknown = Draft("The patient has neck pain after lifting.", "Naproxen 500mg #60");
        Assert.Equal(Decision.Upheld, unknown.Decision);

        var celecoxib = Draft("The patient has knee osteoarthritis. Celebrex was prescribed at this visit.", "Celecoxib 200mg #30");
        Assert.Equal(Decision.Upheld, celecoxib.Decision);
        Assert.Equal(CriterionStatus.NotDocumented, Status(celecoxib, "nsaids.gi-risk-for-selective"));
        Assert.Contains("Celebrex (celecoxib)", Mtus(celecoxib).Single().Sections);
    }

    [Fact]
    public void Antidepressants_need_neuropathic_pain_or_depression()
    {
        var headache = Draft("The patient has headaches after a concussion. A trial of nortriptyline was started for the headaches.", "Nortriptyline 25mg #30");
        Assert.Equal("antidepressants", headache.Policy);
        Assert.Equal(Decision.Upheld, headache.Decision);

        var radicular = Draft("The patient has lumbar radiculopathy with burning pain. A trial of nortriptyline was started.", "Nortriptyline 25mg #30");
        Assert.Equal(Decision.Overturned, radicular.Decision);
    }

    [Fact]
    public void An_anticonvulsant_suspension_is_not_recommended()
    {
        var item = Draft("The patient has lumbar radiculopathy. A trial of gabapentin was started.", "Gabapentin 25mg/ml oral suspension 420ml");
        Assert.Equal("anticonvulsants", item.Policy);
        Assert.Equal(CriterionStatus.NotMet, Status(item, "anticonvulsants.oral"));
        Assert.Equal(Decision.Upheld, item.Decision);
    }

    [Fact]
    public void Botox_is_for_cervical_dystonia_not_myofascial_pain()
    {
        Assert.Equal(Decision.Overturned, Draft("The patient has cervical dystonia with head tilt.", "Botox 200 units").Decision);
        var myofascial = Draft("The patient has myofascial neck pain.", "Botox 200 units");
        Assert.Equal("botulinum-toxin", myofascial.Policy);
        Assert.Equal(Decision.Upheld, myofascial.Decision);
    }

    [Fact]
    public void Trigger_point_injections_need_a_twitch_response_and_no_radiculopathy()
    {
        const string summary = "Examination shows trigger points in the trapezius with a twitch response and referred pain. Pain persists despite physical therapy and stretching.";
        var item = Draft(summary, "Trigger point injections x 3");
        Assert.Equal("trigger-point-injections", item.Policy);
        Assert.Equal(Decision.Overturned, item.Decision);
        Assert.Equal(Decision.Upheld, Draft("The patient has neck pain. Pain persists despite physical therapy.", "Trigger point injections x 3").Decision);
    }

    [Fact]
    public void Urine_drug_testing_is_for_patients_on_opioids()
    {
        var onOpioids = Draft("The patient takes Norco 10/325 mg twice a day for chronic back pain.", "Urine drug screen");
        Assert.Equal("urine-drug-testing", onOpioids.Policy);
        Assert.Equal(Decision.Overturned, onOpioids.Decision);
        Assert.Equal(Decision.Upheld, Draft("The patient takes ibuprofen for back pain.", "Urine drug screen").Decision);
    }

    [Theory]
    [InlineData("Home aide 6 hours per day, 5 times per week", 30)]
    [InlineData("Home health aide 8 hours a day", 56)]
    [InlineData("Home health evaluation", null)]
    public void Home_health_hours_are_read_from_the_request(string treatment, int? hours) =>
        Assert.Equal(hours, HomeHealth.HoursPerWeek(treatment));

    [Fact]
    public void Home_health_is_skilled_care_for_the_homebound()
    {
        var nurse = Draft("After the hip surgery the patient is homebound and has an open incision.", "Home health nurse visits for wound care");
        Assert.Equal("home-health", nurse.Policy);
        Assert.Equal(Decision.Overturned, nurse.Decision);
        var aide = Draft("After the hip surgery the patient is homebound.", "Home aide for cleaning and shopping");
        Assert.Equal(Decision.Upheld, aide.Decision);
    }

    [Theory]
    [InlineData("He is status post exploratory laparotomy with a bowel resection and has an open incision.", CriterionStatus.Met)]
    [InlineData("She was discharged home following a stay in the intensive care unit.", CriterionStatus.Met)]
    [InlineData("He has chronic low back pain and drives to his appointments.", CriterionStatus.NotDocumented)]
    public void Home_health_follows_a_major_operation_or_a_hospitalization(string summary, CriterionStatus expected) =>
        Assert.Equal(expected, Status(Draft(summary, "Home health nurse visits for wound care"), "home-health.homebound"));

    [Fact]
    public void Heat_and_cold_devices_are_upheld_and_cite_the_regions_physical_methods()
    {
        var item = Draft("The patient has chronic low back pain.", "Hot/cold therapy wrap for the lumbar spine");
        Assert.Equal("medical-equipment", item.Policy);
        Assert.Equal(Decision.Upheld, item.Decision);
        var citation = Mtus(item).Single();
        Assert.Equal("Low Back Complaints", citation.Guideline);
        Assert.Equal(["Physical Methods"], citation.Sections);
    }

    [Fact]
    public void The_remainder_beyond_an_authorized_trial_needs_improvement_from_the_trial()
    {
        const string treatment = "Physical therapy 12 visits was the original request. Physical therapy 6 visits was authorized. The remaining IMR eligible portion, physical therapy 6 visits";
        var item = Draft("The patient has neck pain. The patient started physical therapy.", treatment);
        Assert.Equal(Decision.Upheld, item.Decision);
        Assert.NotEqual(CriterionStatus.Met, Status(item, "physical-therapy.beyond-authorized-trial"));
    }

    [Fact]
    public void Additional_therapy_counts_the_visits_already_completed()
    {
        var within = Draft("The patient has neck pain. She completed 4 sessions of physical therapy with improvement in range of motion.", "Physical therapy x 6 for the neck");
        Assert.Equal(CriterionStatus.Met, Status(within, "physical-therapy.prior-course-benefit"));
        var beyond = Draft("The patient has neck pain. She completed 8 sessions of physical therapy with improvement in range of motion.", "Physical therapy x 6 for the neck");
        Assert.NotEqual(CriterionStatus.Met, Status(beyond, "physical-therapy.prior-course-benefit"));
        Assert.Equal(Decision.Upheld, beyond.Decision);
    }

    [Theory]
    [InlineData("Six physical therapy visits for the lumbar", 6)]
    [InlineData("Acupuncture therapy sessions lumbar spine #6", 6)]
    [InlineData("Chiropractic care for the low back; six sessions", 6)]
    [InlineData("Physical therapy 2x4", 8)]
    public void Requested_counts_are_read_in_words_and_numbers(string treatment, int count) =>
        Assert.Equal(count, Find.RequestedCount(treatment));

    [Fact]
    public void Psychotherapy_starts_with_a_short_trial()
    {
        const string summary = "The patient reports depression and anxiety since the injury.";
        var trial = Draft(summary, "Cognitive behavioral psychotherapy 4 sessions");
        Assert.Equal("psychological-care", trial.Policy);
        Assert.Equal(Decision.Overturned, trial.Decision);
        Assert.Equal(Decision.Upheld, Draft(summary, "Cognitive behavioral psychotherapy 12 sessions").Decision);
    }

    [Fact]
    public void A_functional_capacity_evaluation_needs_complex_return_to_work_issues_near_mmi()
    {
        var met = Draft("The patient is at maximum medical improvement after two unsuccessful attempts to return to work.", "Functional capacity evaluation");
        Assert.Equal("functional-capacity-evaluation", met.Policy);
        Assert.Equal(Decision.Overturned, met.Decision);
        Assert.Equal(Decision.Upheld, Draft("The patient has low back pain.", "Functional capacity evaluation").Decision);
    }

    [Fact]
    public void Every_new_category_of_the_issue_has_a_policy()
    {
        foreach (var (treatment, policy) in new[]
        {
            ("Ibuprofen 800mg #90", "nsaids"), ("Duloxetine 60mg #30", "antidepressants"), ("Gabapentin 300mg #90", "anticonvulsants"),
            ("Zolpidem 10mg #30", "sleep-aids"), ("Trigger point injections", "trigger-point-injections"), ("Botox injection", "botulinum-toxin"),
            ("TENS unit purchase", "tens"), ("Lumbar brace", "medical-equipment"), ("Urine drug screen", "urine-drug-testing"),
            ("Functional capacity evaluation", "functional-capacity-evaluation"), ("Functional restoration program 10 days", "functional-restoration"),
            ("Psychotherapy 6 sessions", "psychological-care"), ("Home health aide", "home-health"),
        })
            Assert.Equal(policy, Draft("The patient has chronic low back pain.", treatment).Policy);
    }
}
