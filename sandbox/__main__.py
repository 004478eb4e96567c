"""python -m sandbox --port 8765 --seed 42 --debtors 1000 [--latency-ms 100 --error-rate 0.2 …]"""

from __future__ import annotations

import argparse

import uvicorn

from sandbox.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description="Local stand-ins of the registries")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=42, help="same seed, same synthetic world")
    parser.add_argument("--debtors", type=int, default=1000, help="debtors in the world")
    parser.add_argument("--latency-ms", type=int, default=0, help="delay added to every request")
    parser.add_argument("--error-rate", type=float, default=0.0, help="share of requests answered 503")
    parser.add_argument("--slow-rate", type=float, default=0.0, help="share of requests delayed past timeouts")
    parser.add_argument("--drop-rate", type=float, default=0.0, help="share of API responses cut off")
    parser.add_argument("--session-idle-s", type=int, default=None, help="idle seconds before a login expires")
    parser.add_argument("--receipt-after-s", type=float, default=None, help="seconds before a delivery receipt comes")
    parser.add_argument("--daily-quota", type=int, default=None, help="messages the notification gateway sends a day")
    parser.add_argument("--deposit-payments", type=int, default=None, help="payments on each deposit account")
    parser.add_argument("--order-after-s", type=float, default=None, help="seconds before a payment order is done")
    parser.add_argument("--court-documents", type=int, default=None, help="documents in the court cabinet (60)")
    args = parser.parse_args()
    given = {
        "session_idle_s": args.session_idle_s,
        "receipt_after_s": args.receipt_after_s,
        "daily_quota": args.daily_quota,
        "deposit_payments": args.deposit_payments,
        "order_after_s": args.order_after_s,
        "court_documents": args.court_documents,
    }
    options = {key: value for key, value in given.items() if value}
    app = create_app(args.seed, args.debtors, options)
    app.state.faults.set(
        "*",
        {
            "latency_ms": args.latency_ms,
            "error_rate": args.error_rate,
            "slow_rate": args.slow_rate,
            "drop_rate": args.drop_rate,
        },
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
