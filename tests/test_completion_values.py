"""Tab completion of option values and follow-up ids, through the shell's own path (Typer's
completion variables, as test_completion.py drives them), and `prep done COMPANY` with no id.

Each completion is held to what the command then accepts: every value offered
works, and every follow-up `prep agenda` shows can be completed and ticked off.
"""

from __future__ import annotations

import json

import pytest

from helpers import prep
from test_completion import complete

CLOSED_SETS = {
    "prep new x --stage ": {"startup", "scaleup", "enterprise", "public"},
    "prep new x --size ": {"small", "medium", "large"},
    "prep new x --interviewer ": {"recruiter", "hiring-manager", "engineer", "executive"},
    "prep flag acme odd --severity ": {"low", "medium", "high"},
    "prep add acme text --for ": {"everyone", "recruiter", "hiring-manager", "engineer", "executive"},
}


@pytest.mark.slow
@pytest.mark.parametrize("words", list(CLOSED_SETS))
def test_closed_option_values_complete_and_filter_by_prefix(words: str) -> None:
    everything = CLOSED_SETS[words]
    assert set(complete(words)) == everything
    for value in everything:
        assert value in complete(words + value[:2])
        assert all(found.startswith(value[:2]) for found in complete(words + value[:2]))
    assert complete(words + "zz") == []


@pytest.mark.slow
@pytest.mark.parametrize("option", ["--track", "--type"])
def test_every_track_and_company_type_offered_is_accepted_by_prep_new(option: str) -> None:
    offered = complete(f"prep new x {option} ")
    assert offered
    for number, value in enumerate(offered):
        code, _, err = prep("new", f"company {number}", option, value, "--no-input")
        assert code == 0, (value, err)


@pytest.mark.slow
@pytest.mark.parametrize(("option", "values"), [("--stage", 4), ("--size", 3), ("--interviewer", 4)])
def test_every_value_offered_to_prep_new_is_accepted(option: str, values: int) -> None:
    offered = complete(f"prep new x {option} ")
    assert len(offered) == values
    for number, value in enumerate(offered):
        code, _, err = prep("new", f"company {number}", option, value, "--no-input")
        assert code == 0, (value, err)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["ask acme", "plan acme", "sheet acme", "schedule acme tomorrow"])
def test_roles_complete_after_a_name_in_with(command: str) -> None:
    assert complete(f"prep {command} --with Dana:h") == ["Dana:hiring-manager"]
    assert set(complete(f"prep {command} --with Dana:e")) == {"Dana:engineer", "Dana:executive"}
    assert set(complete(f"prep {command} --with Lee:")) == {
        "Lee:recruiter",
        "Lee:hiring-manager",
        "Lee:engineer",
        "Lee:executive",
    }
    assert "Lee:engineer" in complete(f"prep {command} --with Lee")
    assert complete(f"prep {command} --with Dana:zz") == []


@pytest.mark.slow
def test_a_completed_panel_member_is_accepted(prep_home: object) -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    for member in complete("prep plan acme --with Dana:"):
        code, _, err = prep("plan", "acme", "--with", member)
        assert code == 0, (member, err)


@pytest.mark.slow
@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_get_the_values_too(shell: str) -> None:
    assert "startup" in " ".join(complete("prep new x --stage st", shell))
    offered = " ".join(complete("prep ask acme --with Dana:en", shell))
    assert "Dana:engineer" in offered.replace("\\", "")  # zsh escapes the colon


@pytest.fixture
def followups() -> list[str]:
    """A company with a round: a thank-you note, the recruiter call, and a date promised in an answer."""
    assert prep("new", "acme", "--no-input")[0] == 0
    assert (
        prep(
            "answer", "acme", "next-steps", "we will decide by Friday", "--who", "Dana", "--round", "onsite"
        )[0]
        == 0
    )
    code, out, _ = prep("agenda", "--json", "--days", "3660")
    assert code == 0
    ids = [item["id"] for item in json.loads(out)["items"] if item["kind"] == "follow-up"]
    assert len(ids) == 3 and any(item.startswith("chase-") for item in ids)
    return ids


@pytest.mark.slow
@pytest.mark.parametrize("command", ["done", "due"])
def test_follow_up_ids_complete_for_done_and_due(followups: list[str], command: str) -> None:
    assert set(complete(f"prep {command} acme ")) == set(followups)
    assert complete(f"prep {command} acme rec") == ["recruiter-call"]
    assert complete(f"prep {command} nobody ") == []


@pytest.mark.slow
def test_done_with_no_id_lists_what_is_pending_and_every_listed_id_ticks_off(followups: list[str]) -> None:
    code, out, err = prep("done", "acme")
    assert code == 0 and err == ""
    assert all(item in out for item in followups) and "prep done acme ID" in out
    for item in followups:
        code, _, err = prep("done", "acme", item)  # a promised date too, as `prep agenda` says
        assert code == 0, err
        assert item not in prep("done", "acme")[1]
        assert item not in complete("prep done acme ")
    code, out, _ = prep("done", "acme")
    assert code == 0 and "no follow-up is pending" in out
    assert complete("prep done acme ") == []


def test_done_with_no_id_before_any_interview_says_so() -> None:
    assert prep("new", "acme", "--no-input")[0] == 0
    code, out, _ = prep("done", "acme")
    assert code == 0 and "no follow-up is pending" in out
    code, _, err = prep("done", "nobody")
    assert code == 2 and err.count("\n") == 1


@pytest.mark.slow
def test_a_broken_company_completes_nothing_and_prints_nothing(
    followups: list[str], prep_home: object
) -> None:
    from pathlib import Path

    company = Path(str(prep_home)) / "acme" / "company.md"
    company.write_text("---\nname: [unclosed\n")
    assert complete("prep done acme ") == []


def bash_completes(words: list[str]) -> list[str]:
    """The replies of prep's own bash completion function, for the words as bash splits them
    (bash breaks words at ':', so `Dana:eng` reaches the function as `Dana`, `:`, `eng`)."""
    import os
    import shlex
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    script = subprocess.run(
        ["prep", "--show-completion", "bash"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    line = (
        f"{script}\nCOMP_WORDS=({' '.join(shlex.quote(word) for word in words)}); "
        f"COMP_CWORD={len(words) - 1}; _prep_completion prep; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    )
    result = subprocess.run(["bash", "-c", line], env=env, capture_output=True, text=True, timeout=120)
    return [reply for reply in result.stdout.split("\n") if reply]


@pytest.mark.slow
def test_roles_complete_in_real_bash_where_the_colon_splits_the_word() -> None:
    assert bash_completes(["prep", "ask", "acme", "--with", "Dana", ":", "h"]) == ["hiring-manager"]
    assert set(bash_completes(["prep", "plan", "acme", "--with", "Lee", ":", "e"])) == {
        "engineer",
        "executive",
    }
    colon = bash_completes(["prep", "sheet", "acme", "--with", "Lee", ":"])
    assert set(colon) == {":recruiter", ":hiring-manager", ":engineer", ":executive"}  # replaces the ':'
    assert bash_completes(["prep", "new", "x", "--stage", "sc"]) == ["scaleup"]
