"""A student's or teacher's browser, as far as the tests need one: the hub's login form,
the REST API to start a server, and the server's own API (nbgrader's Assignments tab)."""
import time

import requests


class HubUser:
    def __init__(self, url: str, name: str):
        self.url, self.name = url, name
        self.session = requests.Session()

    def log_in(self, password: str) -> requests.Response:
        self.session.get(self.url + "hub/login")
        return self.session.post(self.url + "hub/login?next=/hub/home", allow_redirects=False,
                                 data={"username": self.name, "password": password,
                                       "_xsrf": self.session.cookies["_xsrf"]})

    def start_server(self, timeout: float = 180) -> None:
        hub_xsrf = {"X-XSRFToken": self.session.cookies.get("_xsrf", path="/hub/")}
        answer = self.session.post(self.url + f"hub/api/users/{self.name}/server", headers=hub_xsrf)
        assert answer.status_code in (201, 202, 400), answer.text  # 400: already running
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            user = self.session.get(self.url + f"hub/api/users/{self.name}", headers=hub_xsrf).json()
            if (user.get("servers") or {}).get("", {}).get("ready"):
                # the server's own cookie, through the hub's OAuth
                assert self.get("lab").status_code == 200
                return
            time.sleep(0.3)
        raise AssertionError(f"{self.name}'s server did not start")

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.url + f"user/{self.name}/{path}")

    def post(self, path: str, **data) -> requests.Response:
        xsrf = self.session.cookies.get("_xsrf", path=f"/user/{self.name}/")
        return self.session.post(self.url + f"user/{self.name}/{path}", data=data,
                                 headers={"X-XSRFToken": xsrf})

    def assignments(self, action: str, assignment: str) -> dict:
        """nbgrader's Assignments tab: fetch, submit, fetch_feedback."""
        answer = self.post(f"assignments/{action}", course_id="logistics-crm", assignment_id=assignment)
        assert answer.status_code == 200, answer.text
        return answer.json()


def run_in_kernel(user: HubUser, code: str, timeout: float = 180) -> tuple[str, str | None]:
    """Run ``code`` in a new kernel of ``user``'s server: (what it printed, error name)."""
    import json
    import uuid

    import websocket

    xsrf = user.session.cookies.get("_xsrf", path=f"/user/{user.name}/")
    answer = user.session.post(user.url + f"user/{user.name}/api/kernels", json={"name": "python3"},
                               headers={"X-XSRFToken": xsrf})
    assert answer.status_code == 201, answer.text
    kernel = answer.json()["id"]
    cookies = "; ".join(f"{c.name}={c.value}" for c in user.session.cookies
                        if c.path in ("/", f"/user/{user.name}/"))
    socket = websocket.create_connection(
        user.url.replace("http", "ws", 1) + f"user/{user.name}/api/kernels/{kernel}/channels",
        cookie=cookies, header={"X-XSRFToken": xsrf}, suppress_origin=True, timeout=timeout)
    msg_id = uuid.uuid4().hex
    socket.send(json.dumps({
        "header": {"msg_id": msg_id, "username": user.name, "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    printed, error = [], None
    try:
        while True:
            message = json.loads(socket.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = message["msg_type"]
            if kind == "stream":
                printed.append(message["content"]["text"])
            elif kind == "error":
                error = message["content"]["ename"]
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                break
    finally:
        socket.close()
        user.session.delete(user.url + f"user/{user.name}/api/kernels/{kernel}",
                            headers={"X-XSRFToken": xsrf})
    return "".join(printed), error
