package dev.gilt.interp.launch;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * REPL input from a terminal through JLine: line editing and a history file
 * (~/.gilt_history). The only class that touches JLine, so everything else runs without it.
 */
final class JLineInput implements Repl.Input {
    private final Terminal terminal;
    private final LineReader reader;

    private JLineInput(Terminal t, LineReader r) {
        this.terminal = t;
        this.reader = r;
    }

    static Repl.Input open() throws IOException {
        Terminal t = TerminalBuilder.builder().system(true).build();
        LineReader r = LineReaderBuilder.builder().terminal(t)
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".gilt_history"))
                .build();
        r.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION);
        r.setOpt(LineReader.Option.INSERT_TAB);
        return new JLineInput(t, r);
    }

    @Override
    public String read(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (EndOfFileException e) {
            return null;
        } catch (UserInterruptException e) {
            throw new Repl.Interrupted();
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            // history is a convenience; losing it is not an error
        }
    }
}
