from pathlib import Path

import pytest

from retrieval.cleaning import ParagraphKind, classify_paragraph, clean_plain_text, drop_furniture

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_2aff43b43469b722.txt"

SEED_STORY_START = "President Vladimir Putin on Wednesday"
SEED_STORY_END = "leverage in peace negotiations with Russia."


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


def test_the_seed_title_is_the_headline_not_the_support_banner(seed_text: str) -> None:
    title, _ = clean_plain_text(seed_text)
    assert title == "Putin Visits Kursk Region for First Time Since Ukraine\u2019s Offensive"


def test_the_seed_text_is_exactly_its_story_paragraphs(seed_text: str) -> None:
    _, text = clean_plain_text(seed_text)
    start = seed_text.index(SEED_STORY_START)
    end = seed_text.index(SEED_STORY_END) + len(SEED_STORY_END)
    story_paragraphs = [p.strip() for p in seed_text[start:end].split("\n\n") if p.strip()]
    assert text == "\n\n".join(story_paragraphs)
    assert len(story_paragraphs) == 13


@pytest.mark.parametrize(
    "furniture",
    [
        "Kremlin.ru",
        "Sign up for our free weekly newsletter",
        "Subscribers agree",
        "Privacy Policy",
        "A Message from The Moscow Times",
        "Dear readers",
        "unprecedented",
        "Your support",
        "Once",
        "Monthly",
        "Annual",
        "Continue",
        "paiment methods",
        "Not ready to support today?",
        "Remind me later.",
        "Read more",
        "Support The Moscow",
    ],
)
def test_none_of_the_seed_furniture_survives(seed_text: str, furniture: str) -> None:
    _, text = clean_plain_text(seed_text)
    assert furniture not in text


def test_a_subheading_inside_the_story_is_kept() -> None:
    text = (
        "Council approves new tram line\n\n"
        "The city council on Tuesday approved a new tram line linking the airport to the centre, "
        "ending a decade of debate over the route.\n\n"
        "What happens next\n\n"
        "Construction is due to start in the spring and the line should open by 2028, the "
        "council said in a statement.\n"
    )
    title, body = clean_plain_text(text)
    assert title == "Council approves new tram line"
    assert body.split("\n\n") == [
        "The city council on Tuesday approved a new tram line linking the airport to the centre, "
        "ending a decade of debate over the route.",
        "What happens next",
        "Construction is due to start in the spring and the line should open by 2028, the "
        "council said in a statement.",
    ]


def test_a_follow_us_footer_is_removed() -> None:
    text = (
        "Flood warnings lifted in the north\n\n"
        "Flood warnings across the north were lifted on Sunday as river levels fell after a week "
        "of heavy rain, the Environment Agency said.\n\n"
        "Residents were told to stay away from riverbanks until the water had fully receded.\n\n"
        "Follow us on Twitter\n\n"
        "Share this article\n"
    )
    title, body = clean_plain_text(text)
    assert title == "Flood warnings lifted in the north"
    assert "Follow us" not in body and "Share this" not in body
    assert body.endswith("until the water had fully receded.")


def test_an_article_without_boilerplate_comes_through_unchanged() -> None:
    body = (
        "Shares in Acme rose 4% on Monday after the company reported record quarterly sales.\n\n"
        '"We are delighted with the result," chief executive Jane Doe said, adding that the '
        "company would hire 200 people this year.\n\n"
        "Analysts had expected a smaller rise, citing weak demand in Europe and higher costs."
    )
    title, cleaned = clean_plain_text("Acme shares jump on record sales\n\n" + body + "\n")
    assert title == "Acme shares jump on record sales"
    assert cleaned == body


def test_a_two_line_article_keeps_its_headline_and_its_line() -> None:
    title, body = clean_plain_text("Storm closes schools\nAll schools in Leeds shut on Monday.\n")
    assert title == "Storm closes schools"
    assert body == "All schools in Leeds shut on Monday."


def test_hard_wrapped_paragraphs_stay_whole() -> None:
    text = (
        "Wrapped story\n\n"
        "This paragraph was saved from an email client that wraps its lines at\n"
        "about seventy characters, so one paragraph spans several lines of the\n"
        "file and must still be treated as a single story paragraph.\n"
    )
    title, body = clean_plain_text(text)
    assert title == "Wrapped story"
    assert body == text.split("\n\n", 1)[1].strip()


def test_markdown_heading_markers_are_not_part_of_the_title() -> None:
    title, _ = clean_plain_text(
        "# Rates held at 4%\n\nThe central bank held its main interest rate at 4% on Thursday, "
        "saying inflation was still too high to cut.\n"
    )
    assert title == "Rates held at 4%"


@pytest.mark.parametrize(
    "paragraph",
    [
        "A US bank has said it will donate more than $8m to victims of the regime under a "
        "Madrid court settlement.",
        "Legal expert William Butler said there was no treaty between the US and Russia to "
        "recognise the other's legal rulings.",
        '"We will not give up, and we ask our allies to stand with us," the minister said.',
    ],
)
def test_news_sentences_about_donations_the_us_or_quoted_we_are_story(paragraph: str) -> None:
    assert classify_paragraph(paragraph) is ParagraphKind.STORY


def test_drop_furniture_removes_calls_to_action_but_keeps_short_story_lines() -> None:
    text = (
        "The minister resigned on Friday after a week of pressure over the housing scandal.\n"
        "Advertisement\n"
        "She denied any wrongdoing.\n"
        "The prime minister is expected to name a successor on Monday, officials said.\n"
        "Sign up for our newsletter\n"
    )
    assert drop_furniture(text, one_per_line=True).split("\n\n") == [
        "The minister resigned on Friday after a week of pressure over the housing scandal.",
        "She denied any wrongdoing.",
        "The prime minister is expected to name a successor on Monday, officials said.",
    ]
