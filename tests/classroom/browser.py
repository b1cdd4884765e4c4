"""A student's or teacher's JupyterLab in a real browser: Playwright driving Debian's
chromium (``make setup`` installs it), with a screenshot at every step that matters.

Everything is clicked the way a student clicks it: the hub's login form, the Chinese
menus (运行 → 运行所有单元格), nbgrader's Assignments tab and formgrader's score boxes.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parents[1] / "artifacts" / "classroom"
# a server's first start, a kernel's first import of pandas: slow on a busy 2-core machine
SLOW = 120_000


def launch_chromium(playwright):
    """Headless chromium; root cannot use chromium's own sandbox (``--no-sandbox``)."""
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: `make setup` installs it (apt-get install chromium)"
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=["--no-sandbox", "--disable-dev-shm-usage"])


class Screenshots:
    """Numbered screenshots of one test, in ``tests/artifacts/classroom/<test>/``."""

    def __init__(self, test_name: str):
        self.folder = ARTIFACTS / test_name
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.count = 0

    def take(self, page, label: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{label}.png"
        page.screenshot(path=str(path))
        return path


class Lab:
    """One person's browser window on the hub (their own cookies)."""

    def __init__(self, browser, url: str, name: str, shots: Screenshots):
        self.url, self.name, self.shots = url, name, shots
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.set_default_timeout(60_000)
        self.page = self.context.new_page()

    @property
    def home(self) -> str:
        return self.url + f"user/{self.name}/"

    def shot(self, label: str) -> Path:
        return self.shots.take(self.page, f"{self.name}-{label}")

    def close(self) -> None:
        self.context.close()

    def log_in(self, password: str) -> None:
        """The hub's login form; the hub starts the server and opens JupyterLab."""
        page = self.page
        page.goto(self.url + "hub/login")
        page.fill("#username_input", self.name)
        page.fill("#password_input", password)
        self.shot("login")
        page.click("#login_submit")
        page.wait_for_selector("#jp-main-dock-panel", timeout=SLOW)
        # a clean workspace: no tabs restored from an earlier test's window
        page.goto(self.home + "lab?reset")
        page.wait_for_selector("#jp-main-dock-panel", timeout=SLOW)
        page.locator(".lm-MenuBar-itemLabel").first.wait_for()

    # -- menus ---------------------------------------------------------------------
    def menu_bar(self) -> list[str]:
        return self.page.locator(".lm-MenuBar-itemLabel").all_inner_texts()

    def open_menu(self, title: str) -> list[str]:
        """Open a menu of the menu bar; the labels of its items (blank: separators)."""
        self.close_menus()
        self.page.locator(".lm-MenuBar-itemLabel").get_by_text(title, exact=True).click()
        menu = self.page.locator(".lm-MenuBar-menu >> visible=true")
        menu.wait_for()
        return [label for label in menu.locator(".lm-Menu-itemLabel").all_inner_texts() if label]

    def close_menus(self) -> None:
        """Close open menus as a person does, with a click beside them (Escape is not
        enough once a submenu was opened by hovering, as 语言 in 设置 is)."""
        open_menus = self.page.locator(".lm-Menu >> visible=true")
        for _ in range(3):
            if not open_menus.count():
                return
            self.page.mouse.click(1000, 700)  # the launcher's blank area, under no menu
        raise AssertionError(f"{open_menus.count()} menus stay open after a click beside them")

    def choose(self, title: str, item: str) -> None:
        self.open_menu(title)
        self.page.locator(".lm-Menu .lm-Menu-itemLabel").get_by_text(item, exact=True).click()

    # -- nbgrader's Assignments tab ----------------------------------------------------
    def assignments_tab(self) -> None:
        self.choose("Nbgrader", "Assignment List")
        self.page.locator("#assignments").wait_for()
        self.page.locator("#released_assignments_list_loading").wait_for(state="hidden")

    def _row(self, listing: str, assignment: str):
        # the assignment's own row, not the rows of its notebooks nested in it
        return (self.page.locator(f"#{listing} > .list_item")
                .filter(has=self.page.locator(".item_name", has_text=assignment)))

    def fetch(self, assignment: str) -> None:
        self._row("released_assignments_list", assignment).get_by_role("button", name="Fetch").click()
        self._row("fetched_assignments_list", assignment).wait_for()

    def open_fetched(self, assignment: str, notebook: str) -> None:
        """Open a downloaded notebook from the Assignments tab; wait for its kernel."""
        row = self._row("fetched_assignments_list", assignment)
        row.locator("a.assignment-notebooks-link").click()
        row.locator(".nested_list_item a", has_text=notebook).click()
        self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.wait_for()
        self.kernel_idle()

    def kernel_idle(self) -> None:
        """Until the status bar says the current kernel is connected and idle (空闲)."""
        self.page.locator(".jp-StatusBar-Widget", has_text="空闲").first.wait_for(timeout=SLOW)

    def submit(self, assignment: str) -> None:
        self._row("fetched_assignments_list", assignment).get_by_role("button", name="Submit").click()
        self._row("submitted_assignments_list", assignment).wait_for()

    def fetch_feedback(self, assignment: str):
        """Fetch Feedback; the "(view feedback)" link it shows."""
        row = self._row("submitted_assignments_list", assignment)
        row.get_by_role("button", name="Fetch Feedback").click()
        link = self._row("submitted_assignments_list", assignment).get_by_text("(view feedback)")
        link.wait_for()
        return link

    # -- the notebook ------------------------------------------------------------------
    def run_all(self) -> list[str]:
        """运行 → 运行所有单元格, until every code cell has run; the code cells' prompts."""
        self.choose("运行", "运行所有单元格")
        self.shot("running")
        prompts = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt"
        self.page.wait_for_function(
            """selector => {
                const prompts = [...document.querySelectorAll(selector)].map(p => p.textContent.trim());
                return prompts.length > 0 && prompts.every(p => /^\\[\\d+\\]:$/.test(p));
            }""", arg=prompts, timeout=SLOW)
        return self.page.locator(prompts).all_inner_texts()

    def save(self) -> None:
        """Ctrl+S, until the tab no longer shows unsaved changes."""
        self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").click(position={"x": 5, "y": 5})
        self.page.keyboard.press("Control+s")
        self.page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").wait_for(state="detached")

    def api_status(self, path: str) -> int:
        """The HTTP status of ``path`` fetched by this window's JupyterLab page (its cookies)."""
        return self.page.evaluate("url => fetch(url).then(r => r.status)", self.url + path)


def score_text(text: str) -> str | None:
    """The first score in a feedback page, the notebook's total: "19.0 / 20.0"."""
    found = re.search(r"Score:?\s*([\d.]+\s*/\s*[\d.]+)", text)
    return found and re.sub(r"\s+", " ", found.group(1))
