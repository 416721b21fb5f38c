"""The screens of the studytui application, one module each."""
