"""Drives `hush mcp` with the Python MCP client (PyPI `mcp`, pinned in the Makefile) and
prints what each tool answered as one JSON object, for Tests/EndToEndTests/MCPTests.swift.

Usage: check_mcp.py HUSH WORKDIR SECRET
"""

import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(hush: str, workdir: str, secret: str) -> None:
    params = StdioServerParameters(command=hush, args=["mcp"], cwd=workdir)
    answers = {}
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            answers["server"] = init.serverInfo.name
            answers["tools"] = sorted(tool.name for tool in (await session.list_tools()).tools)
            calls = {
                "scan_text": {"text": f"stripe = '{secret}'\n", "path": "app.py"},
                "scan_text_clean": {"text": "nothing to see here\n"},
                "scan_file": {"path": "config.py"},
                "scan_staged": {},
                "audit": {},
            }
            for label, arguments in calls.items():
                result = await session.call_tool(label.replace("_clean", ""), arguments)
                answers[label] = {"text": result.content[0].text, "isError": result.isError}
    print(json.dumps(answers))


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
