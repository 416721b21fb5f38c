"""The screens' header: a title change that comes after the header lost its title widget (a
screen torn down while the app quits) does not end the app with a traceback."""

from textual.app import App
from textual.widgets._header import HeaderTitle

from studytui.widgets.header import Header


class _OneHeader(App[None]):
    def compose(self):
        yield Header()


async def test_a_title_change_after_the_header_lost_its_title_is_let_pass():
    app = _OneHeader()
    async with app.run_test() as pilot:
        assert "_OneHeader" in str(app.query_one(HeaderTitle).render())  # the title is shown as Textual shows it
        await app.query_one(HeaderTitle).remove()
        app.sub_title = "王五"
        await pilot.pause()
    assert app.return_code in (None, 0)  # with Textual's own header the app ends on NoMatches
