"""The rubric database: roster, scores and the audit trail, in SQLite next to the gradebook.

``DIR/rubric.db`` (``DIR/gradebook.db`` is nbgrader's).  Tables:

``students``
    the roster (id, name, class, group, position in the roster file);
``statements``
    the audit trail: one row per sheet or form save ever imported — who rated
    (rater kind and id), with which rubric, from which file and sheet, its
    SHA-256, when, how many scores, and when a later import replaced it;
``scores``
    the scores in force: rater, subject, criterion, points, the cell they came
    from and the statement that brought them.

Replacing a rater's scores (:func:`save_statements`) happens in one
transaction for the whole batch: either every statement is stored or none.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, create_engine, delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from .model import RaterStatement
from .problems import RubricError

DB_FILE = "rubric.db"


class Base(DeclarativeBase):
    pass


class Student(Base):
    __tablename__ = "students"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    class_name: Mapped[str] = mapped_column(String)
    group: Mapped[str] = mapped_column(String, index=True)
    position: Mapped[int] = mapped_column(Integer)


class Statement(Base):
    __tablename__ = "statements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rubric: Mapped[str] = mapped_column(String)
    rater_kind: Mapped[str] = mapped_column(String)
    rater: Mapped[str] = mapped_column(String)
    source: Mapped[str] = mapped_column(String)
    sheet: Mapped[str | None] = mapped_column(String, nullable=True)
    digest: Mapped[str | None] = mapped_column(String, nullable=True)
    received: Mapped[datetime] = mapped_column(DateTime)
    n_scores: Mapped[int] = mapped_column(Integer)
    replaced: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Score(Base):
    __tablename__ = "scores"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id"), index=True)
    rubric: Mapped[str] = mapped_column(String, index=True)
    rater_kind: Mapped[str] = mapped_column(String)
    rater: Mapped[str] = mapped_column(String)
    subject: Mapped[str] = mapped_column(String)
    criterion: Mapped[str] = mapped_column(String)
    points: Mapped[float] = mapped_column(Float)
    cell: Mapped[str | None] = mapped_column(String, nullable=True)


def open_store(course_dir=".") -> Engine:
    """The engine of ``course_dir/rubric.db``, tables created if needed."""
    engine = create_engine(f"sqlite:///{Path(course_dir) / DB_FILE}")
    Base.metadata.create_all(engine)
    return engine


def save_roster(engine: Engine, roster: pd.DataFrame) -> None:
    """Replace the stored roster with ``roster`` (columns id, name, class, group)."""
    with Session(engine) as session, session.begin():
        session.execute(delete(Student))
        rows = roster[["id", "name", "class", "group"]].itertuples(index=False, name=None)
        session.add_all(Student(id=sid, name=name, class_name=class_name, group=group, position=n)
                        for n, (sid, name, class_name, group) in enumerate(rows))


def load_roster(engine: Engine, *, required: bool = True) -> pd.DataFrame:
    """The stored roster (columns id, name, class, group); an error if there is none yet,
    unless ``required`` is false (then an empty table)."""
    with Session(engine) as session:
        rows = session.scalars(select(Student).order_by(Student.position)).all()
        table = pd.DataFrame([(s.id, s.name, s.class_name, s.group) for s in rows],
                             columns=["id", "name", "class", "group"])
    if table.empty and required:
        raise RubricError.of("rubric.store.no_roster")
    return table


def scores_by_student(engine: Engine) -> dict[str, int]:
    """How many scores in force each student received (as a rated member) or gave (as a
    rating teammate): what removing the student from the roster would stop counting."""
    about = select(Score.subject.label("student")).where(Score.rater_kind == "member")
    given = select(Score.rater.label("student")).where(Score.rater_kind == "member")
    with Session(engine) as session:
        students = session.scalars(about.union_all(given)).all()
    return pd.Series(students, dtype=object).value_counts().to_dict()


def previous_subjects(engine: Engine, statement: RaterStatement) -> set[str]:
    """Subjects this rater has scores for now, among those ``statement`` would replace."""
    with Session(engine) as session:
        return set(session.scalars(select(Score.subject).distinct().where(*_replaced_by(statement))))


def save_statements(engine: Engine, statements: list[RaterStatement]) -> None:
    """Store every statement, replacing each rater's earlier scores; all or nothing."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with Session(engine) as session, session.begin():
        for statement in statements:
            _replace(session, statement, now)


def _replaced_by(statement: RaterStatement) -> list:
    """Conditions selecting the stored scores that ``statement`` replaces."""
    conditions = [Score.rubric == statement.rubric, Score.rater_kind == statement.rater_kind,
                  Score.rater == statement.rater]
    if statement.subjects is not None:
        conditions.append(Score.subject.in_(statement.subjects))
    return conditions


def _replace(session: Session, statement: RaterStatement, now: datetime) -> None:
    old = _replaced_by(statement)
    touched = set(session.scalars(select(Score.statement_id).where(*old).distinct()))
    session.execute(delete(Score).where(*old))
    if touched:  # a statement is "replaced" once none of its scores is in force any more
        in_force = select(Score.statement_id).distinct()
        session.execute(update(Statement).where(Statement.id.in_(touched),
                                                Statement.id.not_in(in_force)).values(replaced=now))
    record = Statement(rubric=statement.rubric, rater_kind=statement.rater_kind,
                       rater=statement.rater, source=statement.source, sheet=statement.sheet,
                       digest=statement.digest, received=statement.received or now,
                       n_scores=len(statement.scores))
    session.add(record)
    session.flush()
    session.add_all(Score(statement_id=record.id, rubric=statement.rubric,
                          rater_kind=statement.rater_kind, rater=statement.rater,
                          subject=str(s.subject), criterion=s.criterion, points=float(s.points),
                          cell=s.cell)
                    for s in statement.scores.itertuples(index=False))


def load_scores(engine: Engine, rubric: str | None = None) -> pd.DataFrame:
    """Scores in force, with their origin: columns rubric, rater_kind, rater, subject,
    criterion, points, source, sheet, cell, received."""
    query = select(Score.rubric, Score.rater_kind, Score.rater, Score.subject, Score.criterion,
                   Score.points, Statement.source, Statement.sheet, Score.cell,
                   Statement.received).join(Statement, Score.statement_id == Statement.id)
    if rubric is not None:
        query = query.where(Score.rubric == rubric)
    with Session(engine) as session:
        rows = session.execute(query.order_by(Score.id)).all()
    return pd.DataFrame(rows, columns=["rubric", "rater_kind", "rater", "subject", "criterion",
                                       "points", "source", "sheet", "cell", "received"])


def audit_trail(engine: Engine) -> pd.DataFrame:
    """Every statement ever stored, oldest first (the ``statements`` table)."""
    with Session(engine) as session:
        rows = session.scalars(select(Statement).order_by(Statement.id)).all()
        return pd.DataFrame([(s.id, s.rubric, s.rater_kind, s.rater, s.source, s.sheet, s.digest,
                              s.received, s.n_scores, s.replaced) for s in rows],
                            columns=["id", "rubric", "rater_kind", "rater", "source", "sheet",
                                     "digest", "received", "n_scores", "replaced"])
