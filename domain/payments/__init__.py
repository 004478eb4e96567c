"""Money on the bailiff's deposit account: a payment matched to its debtor, distributed by the law's order among the
debtor's proceedings, paid out by orders, and reconciled to the tiyn."""
