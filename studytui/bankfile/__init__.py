"""A bank file becomes a bank: ``syntax`` (YAML text → nodes with their lines, syntax
errors told in Chinese) → ``validation`` (nodes → the bank, every problem with its line)
→ ``bank`` (the model, and writing it back as YAML); ``loader`` reads files of any
encoding and generates a speech ``.txt`` on the way."""
