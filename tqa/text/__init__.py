"""Language-aware text utilities: segmentation, scripts and language identification, numbers, transliteration,
residue patterns. Pure functions; no I/O."""
