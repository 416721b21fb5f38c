"""Question banks shipped with studytui (installed as the package ``studytui.question_banks``)."""
