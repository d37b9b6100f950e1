from tqa.cli import run

run()
