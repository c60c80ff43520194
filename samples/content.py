"""Fictional answers, evidence and commentary for the bundled sample self-assessments.

Everything here is written for the samples: the landlords ("Example Homes", "Northfield Housing",
"Riverside Council") and their documents do not exist, and no sentence is taken from a published
self-assessment. The Code's own wording (the "Code requirement" column) is not here: the generator
takes it from ``codecheck.codes`` so that the samples always quote the versions codecheck ships.

``BASE`` holds one clean, unremarkable answer per 2024 form provision: a row an expert reviewer would
pass. Each sample starts from it and then applies its own overrides, which is where the deliberate
problems (and the traps that look like problems but are not) live, so that a problem is always
introduced on purpose and recorded in the sample's expected file.

Placeholders: ``{org}`` is the landlord's name, ``{web}`` its (fictional) website, ``{policy}`` and
``{report}`` the names of its complaints policy and annual report (dated to suit the sample's year).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Answer:
    """What a sample says for one form row.

    ``answer_text`` is printed in the Comply cell; ``answer`` is what codecheck should read it as.
    ``commentary`` paragraphs become separate paragraphs in the cell (long ones make PDF rows break
    across pages). ``tracked`` (checkbox sample only) marks text shown as a tracked insertion.
    """

    answer: str
    answer_text: str
    evidence: str = ""
    commentary: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()  # rule slugs this row is built to trigger
    traps: tuple[str, ...] = ()  # rule slugs this row looks like but must NOT trigger ("slug@id": under id)
    tolerated: tuple[str, ...] = ()  # slugs a strict reviewer might also raise here; not asserted either way
    note: str = ""  # why the row is built this way (shown in samples/README.md)
    extra: dict = field(default_factory=dict)


def yes(evidence: str, *commentary: str) -> Answer:
    return Answer("yes", "Yes", evidence, tuple(commentary))


POLICY = "{policy}"
PROCEDURE = "Complaints Procedure – staff guidance notes"
WEBSITE = "{web}/complaints"
REPORT = "{report}"
TRAINING = "Complaint handling training records (learning management system)"
BOARD = "Board minutes and committee terms of reference"

BASE: dict[str, Answer] = {
    "1.2": yes(
        f"{POLICY}, section 2",
        "Section 2 of our policy uses the Code's definition of a complaint word for word: \"an expression of "
        "dissatisfaction, however made, about the standard of service, actions or lack of action by the "
        "landlord, "
        'its own staff, or those acting on its behalf, affecting a resident or group of residents."',
    ),
    "1.3": yes(
        f"{POLICY}, sections 2 and 6",
        "Call handlers are coached to listen for dissatisfaction rather than for the word 'complaint', and "
        "to "
        "offer the resident the choice of logging a complaint. Complaints from councillors, MPs, advocates "
        "and "
        "family members acting with consent follow the same policy.",
    ),
    "1.4": yes(
        f"{POLICY}, section 3; {PROCEDURE}",
        "The policy explains the difference between a service request and a complaint with worked examples. "
        "Service requests are recorded in the housing management system and the repairs team reviews them "
        "every month.",
    ),
    "1.5": yes(
        f"{PROCEDURE}, page 4",
        "If a resident is unhappy with how a service request is being handled we log a complaint straight "
        "away; the service request stays open and is progressed alongside the complaint.",
    ),
    "1.6": yes(
        "Tenant satisfaction survey scripts; website feedback form",
        "Every survey and feedback form ends with a short note on how to make a complaint and a link to the "
        "complaints page.",
    ),
    "2.1": yes(
        f"{POLICY}, section 4",
        "We accept every complaint unless an exclusion in section 4 clearly applies. A decision not to "
        "accept "
        "a complaint is approved by the Customer Resolution Manager and the reasons are recorded on the "
        "case.",
    ),
    "2.2": yes(
        f"{POLICY}, section 4",
        "The exclusions are listed in section 4 of the policy. Our Residents' Scrutiny Panel reviewed them "
        "and "
        "agreed they are fair and reasonable to residents.",
    ),
    "2.3": yes(
        f"{POLICY}, section 4.2",
        "Complaints are accepted up to 12 months after the issue occurred or after the resident became aware "
        "of it. Older matters are considered case by case and the decision is recorded.",
    ),
    "2.4": yes(
        "Template letter CR-07 (complaint not accepted)",
        "Our standard letter sets out why the matter is not suitable for the complaints process and tells "
        "the "
        "resident they can ask the Housing Ombudsman to review the decision.",
    ),
    "2.5": yes(
        f"{PROCEDURE}, section 2",
        "Each exclusion decision is taken on the facts of the individual case; staff guidance warns against "
        "applying exclusions automatically.",
    ),
    "3.1": yes(
        f"{WEBSITE}; {POLICY}, section 5",
        "Residents can complain by phone, email, web form, letter, live chat, social media or in person at "
        "any of our offices.",
        "We reviewed access to the process against our Equality Act duties this year. Large print, easy read "
        "and translated versions of the leaflet are available, and residents can ask for a call back at a "
        "time that suits them or a home visit from a complaints officer.",
    ),
    "3.2": yes(
        f"{TRAINING}",
        "All staff, including repairs operatives, complete an induction module on recognising and passing on "
        "complaints. A complaint made to any member of staff is forwarded to the Customer Resolution Team "
        "the same day.",
    ),
    "3.3": yes(
        f"{REPORT}, section 3",
        "We report complaint volumes per 1,000 homes and look closely at services and estates where very few "
        "complaints are received, to check that residents there know how to complain.",
    ),
    "3.4": yes(
        f"{WEBSITE}",
        "The policy is published on our website and is available in other formats on request. It sets out "
        "the two stages, what happens at each stage and the response times.",
    ),
    "3.5": yes(
        f"{POLICY}, section 9",
        "Section 9 explains how we publicise the policy, the Housing Ombudsman and the Code: the website, "
        "tenancy sign-up packs, the residents' newsletter and posters in our offices.",
    ),
    "3.6": yes(
        f"{POLICY}, section 6",
        "Residents may ask a representative to act for them or come with them to any meeting; we record the "
        "resident's consent on the case.",
    ),
    "3.7": yes(
        f"{WEBSITE}; response letter templates",
        "Every response letter and the complaints page explain the resident's right to contact the Housing "
        "Ombudsman and how to do so.",
    ),
    "4.1": yes(
        "Customer Resolution Team structure chart",
        "The Customer Resolution Team, led by the Customer Resolution Manager, handles complaints and is the "
        "single point of contact for the Housing Ombudsman.",
    ),
    "4.2": yes(
        f"{PROCEDURE}, section 1",
        "Complaints officers can escalate directly to any director and have delegated authority to agree "
        "remedies, including compensation up to the limit in the Compensation Policy.",
    ),
    "4.3": yes(
        f"{TRAINING}",
        "All complaint handlers have completed the Ombudsman's e-learning on the Code, and learning from "
        "complaints is a standing item at team meetings.",
    ),
    "5.1": yes(
        f"{POLICY}",
        "We have one complaints policy for all complaints covered by the Code. Residents who complain are "
        "treated no differently in their dealings with us.",
    ),
    "5.2": yes(
        f"{POLICY}, section 7",
        "Front-line staff resolve simple matters straight away where they can, and any dissatisfaction they "
        "cannot resolve on the spot is logged as a stage 1 complaint.",
    ),
    "5.3": yes(
        f"{POLICY}, section 7",
        "Our complaints process has two stages: stage 1 and stage 2.",
    ),
    "5.4": yes(
        "Contractor service agreements, schedule 3",
        "Complaints about our repairs contractors are logged and answered by us within our own two stages; "
        "contractors provide information but do not run a separate process.",
    ),
    "5.5": yes(
        "Contract management meeting notes",
        "Complaint handling by contractors is monitored at the monthly contract meetings against the Code "
        "and our policy.",
    ),
    "5.6": yes(
        "Acknowledgement letter templates CR-01 and CR-04",
        "Our acknowledgement letters restate the complaint in our own words and the outcome the resident is "
        "looking for, and invite the resident to correct us.",
    ),
    "5.7": yes(
        f"{PROCEDURE}, section 3",
        "Where part of a complaint is for another organisation, such as the council or a utility company, we "
        "say so in the acknowledgement and explain who to contact.",
    ),
    "5.8": yes(
        f"{PROCEDURE}, section 3; {TRAINING}",
        "Complaint handlers investigate independently of the service complained about, give the resident a "
        "full opportunity to explain their position and declare any conflict of interest on the case record.",
        "Quality checks on a sample of closed cases each month look at whether the investigation considered "
        "all the information available, including repair records, call recordings and photographs supplied "
        "by the resident. Findings from the checks are fed back to individual handlers and summarised for "
        "the Head of Customer Experience.",
    ),
    "5.9": yes(
        f"{PROCEDURE}, section 4",
        "Where a response will be late we agree with the resident how often we will update them and record "
        "the agreement on the case.",
    ),
    "5.10": yes(
        "Reasonable adjustments register; Equality and Diversity Policy",
        "Reasonable adjustments are recorded on the resident's profile so they are visible to every team and "
        "are reviewed when the resident's circumstances change.",
    ),
    "5.11": yes(
        f"{POLICY}, section 8",
        "A resident can escalate any complaint to stage 2. If we ever decline an escalation we explain why "
        "in "
        "writing and give the Ombudsman's details.",
    ),
    "5.12": yes(
        "Complaints case management system",
        "Each case record holds the original complaint and the date received, all correspondence, notes of "
        "calls and visits, reports from contractors, the responses at each stage and the remedy offered.",
        "Records are kept for six years after the case closes, in line with our retention schedule, and "
        "access is limited to staff who need it.",
    ),
    "5.13": yes(
        f"{POLICY}, section 10; Compensation Policy",
        "Complaint handlers can agree a remedy at any point in the process and have authority to do so "
        "without waiting for a formal response.",
    ),
    "5.14": yes(
        "Unacceptable Behaviour Policy",
        "Our Unacceptable Behaviour Policy explains how we manage abusive or unreasonable behaviour and how "
        "any restriction is reviewed.",
    ),
    "5.15": yes(
        "Unacceptable Behaviour Policy, section 5",
        "Any restriction is approved by a senior manager, considers the resident's needs under the Equality "
        "Act 2010, and is reviewed every six months.",
    ),
    "6.1": yes(
        f"{PROCEDURE}, section 5",
        "Complaints are triaged when they are logged so that straightforward matters get a quick response "
        "and more complex cases are allocated to an experienced investigator.",
    ),
    "6.2": yes(
        "Complaints performance dashboard",
        "Complaints are acknowledged, defined and logged at stage 1 within five working days of receipt.",
    ),
    "6.3": yes(
        "Complaints performance dashboard",
        "Stage 1 responses are issued within 10 working days of acknowledgement; performance is reported to "
        "the Executive Team every month.",
    ),
    "6.4": yes(
        "Extension letter template CR-05",
        "Extensions are agreed only where a complaint is complex, and the resident is told why and when they "
        "will hear from us.",
    ),
    "6.5": yes(
        "Extension letter template CR-05",
        "Our extension letter includes the Housing Ombudsman's contact details.",
    ),
    "6.6": yes(
        "Stage 1 response template CR-02",
        "We respond once we know the answer to the complaint and track any outstanding actions to completion "
        "through the case record.",
    ),
    "6.7": yes(
        "Stage 1 response template CR-02; quality check results",
        "Responses address each point in the complaint definition and explain the reasons for our decisions, "
        "with references to the relevant policy.",
    ),
    "6.8": yes(
        f"{PROCEDURE}, section 5",
        "Related issues raised during an investigation are added to the same stage 1 response; unrelated "
        "issues are logged as a new complaint and the resident is told.",
    ),
    "6.9": yes(
        "Stage 1 response template CR-02",
        "Our stage 1 response template confirms: a) the complaint stage; b) the complaint definition; c) the "
        "decision on the complaint; d) the reasons for any decisions made; e) the details of any remedy "
        "offered; f) details of any outstanding actions; and g) how to escalate to stage 2.",
    ),
    "6.10": yes(
        f"{POLICY}, section 8",
        "If a resident is not satisfied with all or part of the stage 1 response we escalate it to stage 2 "
        "on request.",
    ),
    "6.11": yes(
        "Complaints performance dashboard",
        "Stage 2 requests are acknowledged, defined and logged within five working days of the request.",
    ),
    "6.12": yes(
        "Escalation form on the website",
        "Residents are not asked why they want stage 2; if the reasons are unclear we ask them about the "
        "outcome they are looking for.",
    ),
    "6.13": yes(
        f"{PROCEDURE}, section 6",
        "Stage 2 reviews are carried out by a senior manager from a different service who had no part in "
        "the stage 1 response.",
    ),
    "6.14": yes(
        "Complaints performance dashboard",
        "Stage 2 final responses are issued within 20 working days of the escalation being acknowledged.",
    ),
    "6.15": yes(
        "Extension letter template CR-06",
        "Stage 2 extensions are agreed by the Head of Customer Experience and explained to the resident in "
        "writing.",
    ),
    "6.16": yes(
        "Extension letter template CR-06",
        "The stage 2 extension letter gives the Housing Ombudsman's contact details.",
    ),
    "6.17": yes(
        "Stage 2 response template CR-03",
        "Stage 2 responses are sent when the answer is known; any outstanding actions are tracked to "
        "completion and the resident is kept informed.",
    ),
    "6.18": yes(
        "Stage 2 response template CR-03",
        "The stage 2 response addresses each point raised and gives reasons, referencing policy and law "
        "where relevant.",
    ),
    "6.19": yes(
        "Stage 2 response template CR-03",
        "The stage 2 template sets out: a) the complaint stage; b) the complaint definition; c) the decision "
        "on the complaint; d) the reasons for any decisions made; e) the details of any remedy offered; "
        "f) details of any outstanding actions; and g) how to escalate to the Housing Ombudsman.",
    ),
    "6.20": yes(
        f"{PROCEDURE}, section 6",
        "The stage 2 reviewer consults every service involved before the final response is issued.",
    ),
    "7.1": yes(
        "Stage 1 and stage 2 response templates",
        "Where we have got something wrong we say so plainly, apologise and explain what we have done and "
        "will do to put it right.",
    ),
    "7.2": yes(
        "Compensation Policy",
        "Remedies are based on the impact on the resident, using the Ombudsman's remedies guidance.",
    ),
    "7.3": yes(
        "Remedy action tracker",
        "Every remedy has an owner and a completion date agreed with the resident; the tracker is reviewed "
        "every week until all actions are complete.",
    ),
    "7.4": yes(
        "Compensation Policy, appendix B",
        "Our Compensation Policy follows the Ombudsman's guidance on remedies and is reviewed every year.",
    ),
    "8.1": yes(
        f"{REPORT}",
        "Our annual report includes this self-assessment, the complaints performance for the year, the "
        "Ombudsman's findings about us, and the service improvements made because of complaints.",
        "The report is scrutinised by the Residents' Scrutiny Panel before it goes to the Board. The Panel's "
        "comments, and our response to each of them, are published with the report.",
    ),
    "8.2": yes(
        f"{REPORT}; {WEBSITE}",
        "The report and the Board's response to it are published in the annual reports section of our "
        "website.",
    ),
    "8.3": yes(
        f"{BOARD}",
        "Our governance framework requires a fresh self-assessment after any merger, restructure or major "
        "change to our procedures.",
    ),
    "8.4": yes(
        f"{POLICY}, section 12",
        "We will review and update this self-assessment if the Ombudsman asks us to after an investigation.",
    ),
    "8.5": yes(
        "Business Continuity Plan, section 8",
        "The business continuity plan sets out how we would tell the Ombudsman and residents if exceptional "
        "circumstances stopped us meeting the Code.",
    ),
    "9.1": yes(
        "Learning from complaints log",
        "Each upheld complaint records the learning identified and the service improvement it led to.",
    ),
    "9.2": yes(
        f"{REPORT}, section 4",
        "Complaint themes are reviewed with service managers every quarter and inform our service plans.",
    ),
    "9.3": yes(
        "Residents' newsletter; 'You said, we did' web page",
        "We publish what we have changed because of complaints in the residents' newsletter and on our "
        "website.",
    ),
    "9.4": yes(
        "Executive Team terms of reference",
        "The Director of Customer Services is the senior lead for complaints and reports themes and trends "
        "to "
        "the Executive Team.",
    ),
    "9.5": yes(
        f"{BOARD}",
        "A Board member has been appointed as Member Responsible for Complaints (MRC) and leads on "
        "complaints "
        "at Board meetings.",
    ),
    "9.6": yes(
        "Board reports (quarterly complaints performance)",
        "The MRC receives quarterly complaints performance reports and presents them to the Board.",
    ),
    "9.7": yes(
        "Board reports; Customer Committee minutes",
        "The Board and the MRC receive regular updates on the volume, categories and outcomes of complaints, "
        "alongside complaint handling performance.",
        "They also receive regular reviews of issues and trends arising from complaint handling, including "
        "any systemic issues, service improvements and the learning drawn from them; a summary of every "
        "Ombudsman investigation and its outcome; and the annual complaints performance and service "
        "improvement report.",
    ),
    "9.8": yes(
        "Appraisal framework",
        "Every employee has a standard objective on complaint handling: to treat residents with respect, "
        "to take collaborative action to resolve complaints, and to act on what complaints tell us.",
    ),
}

# Generic sentences for a provision of another Code version with no close 2024 counterpart.
FALLBACK = yes(
    f"{POLICY}",
    "This is covered by our complaints policy and the procedure notes used by the complaints team.",
)
