"""The Textual review UI (``tqa review``). Only this package imports textual; the core never does.

Public entry points: `tqa.tui.app.ReviewApp` (``ReviewApp([StoryRef…], checker=…, baseline=…)``) and the plain-data
helpers in `tqa.tui.loader` (`StoryRef`, `discover`, `bundled_example`, `Analysis`).
"""
