"""``python -m logicrm_edu.rubric …``: the rubric commands without the main CLI."""
from ..cli.rubric import rubric

rubric(prog_name="python -m logicrm_edu.rubric")
