package com.example.todo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The domain: todos, kept in memory. (Not counted as application code: any framework needs it.) */
public final class Todos {

    /**
     * A todo.
     *
     * @param id    its number
     * @param title what to do
     * @param done  whether it is done
     */
    public record Todo(long id, String title, boolean done) {
    }

    /**
     * The body of {@code POST /todos}.
     *
     * @param title what to do, not blank
     * @param done  whether it is done already
     */
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

    /** No todos yet. */
    public Todos() {
    }

    private final Map<Long, Todo> byId = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * The todos.
     *
     * @param done only those done, or not done; all when empty
     * @return the todos, by id
     */
    public List<Todo> list(Optional<Boolean> done) {
        return byId.values().stream().filter(todo -> done.map(d -> todo.done() == d).orElse(true)).toList();
    }

    /**
     * The todo with this id.
     *
     * @param id the id
     * @return the todo
     * @throws NoSuchTodo when there is none
     */
    public Todo find(long id) {
        Todo todo = byId.get(id);
        if (todo == null) {
            throw new NoSuchTodo(id);
        }
        return todo;
    }

    /**
     * Adds a todo.
     *
     * @param wanted the todo to add
     * @return the todo, with its id
     */
    public Todo add(NewTodo wanted) {
        Todo todo = new Todo(ids.incrementAndGet(), wanted.title(), wanted.done());
        byId.put(todo.id(), todo);
        return todo;
    }

    /**
     * Removes the todo with this id.
     *
     * @param id the id
     * @throws NoSuchTodo when there is none
     */
    public void remove(long id) {
        if (byId.remove(id) == null) {
            throw new NoSuchTodo(id);
        }
    }

    /**
     * How many todos there are.
     *
     * @return the number
     */
    public int size() {
        return byId.size();
    }
}
