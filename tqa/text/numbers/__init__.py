"""PLACEHOLDER (owned by the numbers work): number, date, money extraction for Ukrainian and English."""
