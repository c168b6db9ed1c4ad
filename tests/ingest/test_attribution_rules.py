"""Speaker suggestions, one construction at a time, on texts written for each test."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest import suggest_attribution


def _top(text: str, passage: str) -> list[str]:
    start = text.index(passage)
    return [a.label for a in suggest_attribution(text, start, start + len(passage))]


TRANSCRIPT = """PORT OF ODDA
Press briefing, 3 May

MODERATOR: We begin with the harbour master, then questions.

HARBOUR MASTER INES FARROW: The breakwater failed at two points overnight.

Repairs start on Monday and will take a month.

Q: Tor Lie, Odda Tidende. Who pays for the repairs?

FARROW: The state pays for the breakwater. The port pays for the quay.

Q: Will ferries run?

FARROW: Yes, from the north pier.
"""


def test_a_transcript_gives_the_labelled_speaker_carried_over_and_by_surname() -> None:
    assert _top(TRANSCRIPT, "The breakwater failed")[0] == "Ines Farrow, harbour master"
    assert _top(TRANSCRIPT, "Repairs start on Monday")[0] == "Ines Farrow, harbour master"
    # later by surname: the same speaker keeps the same label (one source, one person)
    assert _top(TRANSCRIPT, "The port pays for the quay.")[0] == "Ines Farrow, harbour master"
    assert _top(TRANSCRIPT, "from the north pier")[0] == "Ines Farrow, harbour master"
    assert _top(TRANSCRIPT, "Who pays for the repairs?")[0] == "Tor Lie"
    assert _top(TRANSCRIPT, "We begin with the harbour master")[0] == "the moderator"
    assert _top(TRANSCRIPT, "Will ferries run?")[0] == "a questioner (Q)"


def test_an_interview_gives_answers_to_the_interviewee() -> None:
    text = ("Rut Olsen runs the island's ferry company. She spoke to our reporter Kai Dale.\n\n"
            "Q: Is the route safe?\n\nA: Safer than the road.\n\n"
            "Q: And the cost?\n\nA: Too high, and rising.\n")
    assert _top(text, "Safer than the road.")[0] == "Rut Olsen"
    assert _top(text, "Too high, and rising.")[0] == "Rut Olsen"
    assert _top(text, "Is the route safe?")[0] == "Kai Dale"


def test_an_appositive_after_the_role_joins_name_and_role() -> None:
    text = ("The authority's chairman, Henrik Vass, told reporters the port would reopen. "
            "The harbour master, Ines Farrow, said the quay was safe.")
    assert _top(text, "the port would reopen")[0] == "Henrik Vass, the authority's chairman"
    assert _top(text, "the quay was safe")[0] == "Ines Farrow, the harbour master"


def test_leading_and_trailing_according_to() -> None:
    text = ("According to the port authority, ferry traffic fell by a third. "
            "Fishing catches also fell, according to the fisheries directorate.")
    assert _top(text, "ferry traffic fell by a third")[0] == "the port authority"
    assert _top(text, "Fishing catches also fell")[0] == "the fisheries directorate"


def test_documents_and_bodies_are_sources() -> None:
    text = ("Lending slowed in March, the bank's quarterly bulletin showed. "
            "A report by the Harbour Institute found that ten quays need repairs. "
            "In a statement, the board said it would appoint an inspector.")
    assert _top(text, "Lending slowed in March")[0] == "the bank's quarterly bulletin"
    assert _top(text, "ten quays need repairs")[0] == "A report by the Harbour Institute"
    assert _top(text, "appoint an inspector")[0] == "the board"


def test_a_bare_role_takes_the_organisation_of_the_sentence_before() -> None:
    text = ("The Port Authority rejected the union's claims on Tuesday. "
            "An official said wages had risen faster than inflation.")
    assert _top(text, "wages had risen faster")[0] == "a Port Authority official"


def test_a_quote_running_across_paragraphs_keeps_its_speaker() -> None:
    text = ('"We will rebuild the quay," said Ines Farrow, the harbour master. "It will take '
            'a year.\n\n"And it will cost more than anyone wants to hear."\n\n'
            "The council did not comment.")
    assert _top(text, "And it will cost more")[0] == "Ines Farrow, the harbour master"


def test_a_pronoun_chain_goes_back_to_the_named_speaker() -> None:
    text = ("Councillor Ruth Castell opened the debate. Castell said the budget was too small. "
            "She added that the harbour came first. She said repairs could not wait.")
    assert _top(text, "repairs could not wait")[0] == "Councillor Ruth Castell"


def test_a_post_header_names_the_account() -> None:
    text = ("Odda Ferries (@odda_ferries) · 3 May\nAll sailings cancelled today.\n\n"
            "Ines Farrow (@harbourmaster) · 3 May\nThe north pier is open.\n")
    assert _top(text, "All sailings cancelled")[0] == "Odda Ferries, @odda_ferries"
    assert _top(text, "The north pier is open.")[0] == "Ines Farrow, @harbourmaster"


def test_a_press_release_speaks_for_its_issuer() -> None:
    text = ("MINISTRY OF FISHERIES\nPRESS RELEASE\n\nQuotas for herring rise by 8% next year. "
            'The minister said: "This is good news for the coast."\n')
    assert _top(text, "Quotas for herring rise")[0] == "Ministry of Fisheries"
    assert _top(text, "good news for the coast")[0] == "The minister"


def test_three_suggestions_at_most_and_none_without_a_cue() -> None:
    assert suggest_attribution("The weather was mild. Trains ran on time.", 0, 10) == []
    assert len(suggest_attribution(TRANSCRIPT, TRANSCRIPT.index("Repairs"),
                                   TRANSCRIPT.index("Repairs") + 7)) <= 3
    assert suggest_attribution("", 0, 0) == []


def test_a_suggestion_reads_only_the_text_near_the_selection() -> None:
    filler = "Nothing was said here at all by anyone of note.\n\n" * 5000
    text = 'ROSA VENT: Late answer.\n\n' + filler + '"Early," Ines Farrow said.\n\n' + filler
    start = text.index("Early")
    assert _top(text, "Early") == ["Ines Farrow"]
    far = text.rindex("Nothing")
    assert suggest_attribution(text, far, far + 7) == []
    assert start > 200_000


# Every turn of the project's hearing transcript, as imported, and who says it (read by hand).
CASTELL = "Miriam Castell, water authority director"
HEARING_TURNS = [
    ("The committee will come to order.", "Ada Morrow, chair"),
    ("Our gauges at Marlow Bridge recorded", CASTELL),
    ("Is the shortage temporary, as the government has said?", "Ada Morrow, chair"),
    ("Our forecasts do not show the reservoirs refilling", CASTELL),
    ("Who checks that the dam actually releases it?", "Sen. Owen Price"),
    ("a joint commission would read the gauges", CASTELL),
    ("And if the upstream state refuses the inspectors?", "Sen. Owen Price"),
    ("the guarantee is only as good as the word", CASTELL),
    ("We will take a short recess", "Ada Morrow, chair"),
]


def test_every_turn_of_the_imported_hearing_gets_its_speaker_first() -> None:
    from briefing.ingest import import_file, sequential_ids
    from tests.material import TRANSCRIPT

    text = import_file(TRANSCRIPT, new_id=sequential_ids(lambda _: False))[0].source.text
    for passage, who in HEARING_TURNS:
        found = _top(text, passage)
        assert found[0] == who, passage
        assert len(found) == 3 and len(set(found)) == 3  # the other speakers follow


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab AB:."“”\'\n,@()—QA-')), max_size=120),
       st.integers(0, 130), st.integers(0, 130))
def test_any_text_and_any_range_gives_at_most_three_suggestions(text, a, b) -> None:
    found = suggest_attribution(text, min(a, b), max(a, b))
    assert len(found) <= 3
    assert all(f.label.strip() for f in found)


def test_a_paraphrase_before_an_appositive_speaker_is_not_part_of_the_label() -> None:
    """Wire style: the reported words, then "Name, the role, said" (or "the role, Name,")."""
    text = ("Water levels are low. The river is falling, Ines Farrow, the harbour master, said "
            "in a phone interview. Repairs will take a month, Henrik Vass, the authority's "
            "chairman, told reporters. Silt is the problem, the dredging chief, Ola Brekke, "
            "said.")
    assert _top(text, "The river is falling")[0] == \
        "Ines Farrow, the harbour master, in a phone interview"
    assert _top(text, "Repairs will take a month")[0] == \
        "Henrik Vass, the authority's chairman"
    assert _top(text, "Silt is the problem")[0] == "Ola Brekke, the dredging chief"


def test_when_something_was_said_is_not_part_of_who_said_it() -> None:
    text = "Prices rose 4 per cent in March, Statistics Norway said on Tuesday."
    assert _top(text, "Prices rose 4 per cent")[0] == "Statistics Norway"
    text = "The bridge will close, the mayor said in a radio interview on Friday."
    assert _top(text, "The bridge will close")[0] == "the mayor, in a radio interview"


def test_a_label_is_not_cut_at_a_number_or_a_dangling_word() -> None:
    text = ("Farid Nasseri, the federation's head of operations, spoke in Geneva. He said at "
            "least 1,200 families were sleeping outdoors. A United Nations official, speaking "
            "on condition of anonymity, said tents were needed. Shelter North's chief "
            "executive, Alva Krogh, said the figure was a fantasy.")
    assert _top(text, "1,200 families")[0] == "Farid Nasseri"
    assert _top(text, "tents were needed")[0] == "A United Nations official"
    assert _top(text, "the figure was a fantasy")[0] == \
        "Alva Krogh, Shelter North's chief executive"


def test_a_numbered_question_label_is_not_part_of_the_name() -> None:
    text = ("Members present: Ingrid Holm (Chair); Petter Sand\n\n"
            "Q1 Chair: Welcome.\n\nKarin Solheim: Thank you.\n\n"
            "Q2 Petter Sand: What would an emergency look like?\n\nKarin Solheim: Quiet.\n")
    assert _top(text, "What would an emergency")[0] == "Petter Sand"


def test_q_and_a_read_naturally_and_the_moderator_names_the_questioner() -> None:
    text = ("MODERATOR: Welcome. Next question, from Lena Berg of the Herald.\n\n"
            "Q: Will the bridge reopen?\n\nMINISTER TOVE ALM: Not this year.\n\n"
            "Q (Radio Vest): And the cost?\n\nALM: High.\n\n"
            "Q: Why now?\n\nALM: Because.\n\n")
    assert _top(text, "Will the bridge reopen?")[0] == "Lena Berg of the Herald"
    assert _top(text, "And the cost?")[0] == "a reporter from Radio Vest"
    assert _top(text, "Why now?")[0] == "a questioner (Q)"  # nobody introduced this one
    bare = "Q: Is it safe?\n\nA: Yes.\n\nQ: Why?\n\nA: Because it was tested.\n"
    assert _top(bare, "Because it was tested.")[0] == "the person answering (A)"


def test_forecasts_estimates_and_warnings_are_reporting_verbs() -> None:
    text = ("Growth will slow to 1.2 per cent next year, the IMF forecast in its latest "
            "outlook. The central bank projected that inflation would stay high. Ole Dahl, "
            "the finance minister, conceded that the budget was too loose. Exports will "
            "fall, Nordbank economists cautioned. The Fiscal Council concluded that "
            "spending had outgrown revenue.")
    assert _top(text, "Growth will slow")[0] == "the IMF, in its latest outlook"
    assert _top(text, "inflation would stay high")[0] == "The central bank"
    assert _top(text, "the budget was too loose")[0] == "Ole Dahl, the finance minister"
    assert _top(text, "Exports will fall")[0] == "Nordbank economists"
    assert _top(text, "spending had outgrown")[0] == "The Fiscal Council"


def test_the_same_words_used_otherwise_are_no_cue() -> None:
    for sentence in ("The IMF forecast of 1.2 per cent was cut in April.",
                     "Growth was estimated at 2 per cent last year.",
                     "The bridge, projected to cost 40 million, opened in May.",
                     "The team concluded its season with a win.",
                     "The deal concluded in May after long talks.",
                     "The lawyers argued over the fee for an hour.",
                     "Police warned drivers off the road.",
                     "The committee noted the report and moved on.",
                     "Hilde Moe acknowledged the crowd and left."):
        assert suggest_attribution(sentence, 0, len(sentence)) == [], sentence


def test_he_after_she_goes_to_the_role_named_since_not_the_last_named_person() -> None:
    text = ("Finance Minister Eva Dahl presented the budget on Monday. She said it would "
            "balance by 2028. Her deputy disagreed. “It will not,” he said. “Not without "
            "cuts.”")
    assert _top(text, "balance by 2028")[0] == "Finance Minister Eva Dahl"
    assert _top(text, "It will not") == ["Eva Dahl's deputy", "Finance Minister Eva Dahl"]
    assert _top(text, "Not without cuts")[0] == "Eva Dahl's deputy"


def test_a_role_named_since_is_offered_after_a_person_the_pronoun_agrees_with() -> None:
    text = ("Eva Dahl presented the budget. The deputy was unconvinced. “It will balance,” "
            "she said.")
    assert _top(text, "It will balance") == ["Eva Dahl", "the deputy"]
    # a gendered role word that disagrees with the pronoun is no antecedent
    text = ("Ola Berg presented the budget. His spokeswoman was unconvinced. “It will "
            "balance,” he said.")
    assert _top(text, "It will balance") == ["Ola Berg"]
    text = ("Ola Berg presented the budget. He was cheerful. His spokeswoman was not. "
            "“It will not balance,” she said.")
    assert _top(text, "It will not balance")[0] == "Ola Berg's spokeswoman"
