package dev.carbonkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * carbon-core without jackson-core, as an app on a phone has it (Jackson is an optional dependency): scoring and
 * writing receipts work, and what needs Jackson fails with a clear error naming the dependency to add. The classes run
 * in a class loader of carbon-core's classes, its test classes and SnakeYAML, over the JDK's platform loader, so that
 * no Jackson class can be found.
 */
class WithoutJacksonTest {

    private static URLClassLoader loader;

    @BeforeAll
    static void isolate() {
        loader = new URLClassLoader(new URL[] {location(Receipt.class), location(WithoutJacksonTest.class),
                location(Yaml.class)}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void theLoader_hasNoJackson() {
        assertThatThrownBy(() -> loader.loadClass("com.fasterxml.jackson.core.JsonFactory"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.core.JsonFactory", false, loader))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void scoringAndWritingReceipts_needNoJackson_andGiveTheSameText() throws Exception {
        Method probe = loader.loadClass(WithoutJacksonProbe.class.getName()).getMethod("scoreAndWrite");
        assertThat(probe.getDeclaringClass().getClassLoader()).isSameAs(loader);
        String without = (String) probe.invoke(null);
        assertThat(without).isEqualTo(WithoutJacksonProbe.scoreAndWrite())
                .startsWith("{\"account\":\"alice\",\"activity\":").contains("\"count\":\"1\",\"format\":\"carbonkit-receipt/2\",\"head\":\"sha256:");
    }

    @Test
    void readingAReceipt_withoutJackson_namesTheDependency() throws Exception {
        Method parse = loader.loadClass(Receipt.class.getName()).getMethod("parse", String.class);
        assertThatThrownBy(() -> parse.invoke(null, "{}")).isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Reading a receipt needs jackson-core")
                .hasMessageContaining("com.fasterxml.jackson.core:jackson-core");
    }

    @Test
    void theJdbcStore_withoutJackson_namesTheDependency() throws Exception {
        Method open = loader.loadClass("dev.carbonkit.credit.jdbc.JdbcLedgerStore").getMethod("open", DataSource.class);
        DataSource unreachable = (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    throw new AssertionError("the store asked for a connection before checking for Jackson");
                });
        assertThatThrownBy(() -> open.invoke(null, unreachable)).isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The JDBC ledger store needs jackson-core");
    }
}
