"""The model's stored form: every model decodes to an equal model; anything else is refused."""

from __future__ import annotations

import marshal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.load.codec import DecodeError, decode, decode_transcript, encode
from reader.model import Figure, Span
from reader.pipeline import load, parse_bytes
from reader.resources import sample_path


def test_the_sample_round_trips_through_marshal() -> None:
    transcript = load(sample_path())
    stored = marshal.loads(marshal.dumps(encode(transcript)))
    again = decode_transcript(stored)
    assert again == transcript
    assert again.figures and again.figures[0] == transcript.figures[0]
    assert type(again.turns[0].label_span) is Span and type(again.figures[0]) is Figure


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("主持人记者：杜航伟39.4万起28.5%同比上升\n亿元𠀀 "), max_size=300))
def test_any_parsed_text_round_trips(text: str) -> None:
    transcript = parse_bytes(text.encode("utf-8"), "x.txt")
    assert decode_transcript(marshal.loads(marshal.dumps(encode(transcript)))) == transcript


def test_optional_figure_fields_survive() -> None:
    figure = Figure(text="3到5成", value=0.3, unit="%", qualifier=None, start=0, end=4, turn=None,
                    speaker=None, sentence="", value_to=0.5, change_of=2, direction="up", same_as="k",
                    family="percent")
    assert decode(encode(figure)) == figure


@pytest.mark.parametrize("stored", [
    ["Transcript"],  # too few fields
    ["Span", 1],
    ["Span", 1, 2, 3],
    ["os.system", "rm"],  # not a model class
    [],
    {"Span": (1, 2)},  # a type marshal can hold but the model never uses
    ["Span", 1, {2}],
    compile("1", "x", "eval"),  # code: never decoded, let alone run
])
def test_anything_else_is_refused(stored: object) -> None:
    with pytest.raises(DecodeError):
        decode(stored)


def test_a_decoded_value_that_is_not_a_transcript_is_refused() -> None:
    with pytest.raises(DecodeError):
        decode_transcript(["Span", 1, 2])


def test_only_model_objects_are_encoded() -> None:
    with pytest.raises(TypeError):
        encode(object())
