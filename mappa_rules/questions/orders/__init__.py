"""Civil orders: SHPOs, SROs, the orders they replaced, notification orders and notices."""
