"""Notification questions (Sexual Offences Act 2003 Part 2): the period, the duties and their timeline."""
