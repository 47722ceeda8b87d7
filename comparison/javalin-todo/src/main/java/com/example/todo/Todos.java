package com.example.todo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The domain: todos, kept in memory. (Not counted as application code: any framework needs it.) */
public final class Todos {

    /** A todo. */
    public record Todo(long id, String title, boolean done) {
    }

    /** The body of {@code POST /todos}. */
    public record NewTodo(String title, boolean done) {
        /** A todo needs a title. */
        public NewTodo {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("title must not be blank");
            }
        }
    }

    /** No todo has the id asked for. */
    public static final class NoSuchTodo extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchTodo(long id) {
            super("no todo " + id);
        }
    }

    private final Map<Long, Todo> byId = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** The todos, all or those done or not. */
    public List<Todo> list(Optional<Boolean> done) {
        return byId.values().stream().filter(todo -> done.map(d -> todo.done() == d).orElse(true)).toList();
    }

    /** The todo with this id. */
    public Todo find(long id) {
        Todo todo = byId.get(id);
        if (todo == null) {
            throw new NoSuchTodo(id);
        }
        return todo;
    }

    /** Adds a todo. */
    public Todo add(NewTodo wanted) {
        Todo todo = new Todo(ids.incrementAndGet(), wanted.title(), wanted.done());
        byId.put(todo.id(), todo);
        return todo;
    }

    /** Removes the todo with this id. */
    public void remove(long id) {
        if (byId.remove(id) == null) {
            throw new NoSuchTodo(id);
        }
    }

    /** How many todos there are. */
    public int size() {
        return byId.size();
    }
}
