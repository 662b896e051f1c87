"""The only place spaCy lives: sentence segmentation, rule components, and Doc -> records."""
